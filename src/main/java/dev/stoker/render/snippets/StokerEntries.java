package dev.stoker.render.snippets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.stoker.butane.ButaneConfig.Directory;
import dev.stoker.butane.ButaneConfig.Dropin;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Link;
import dev.stoker.butane.ButaneConfig.Unit;

/**
 * What Stoker writes on one node, each entry with what it is for: the entries of the
 * config it renders, the files its units write at boot, and the directories it owns as a
 * whole. A snippet may take none of them.
 */
public final class StokerEntries {

	private final Map<String, String> paths = new LinkedHashMap<>();

	private final Map<String, String> directories = new LinkedHashMap<>();

	private final Map<String, String> wholeUnits = new LinkedHashMap<>();

	private final Map<String, String> unitSettings = new LinkedHashMap<>();

	private final Map<String, String> dropins = new LinkedHashMap<>();

	private String loginUser;

	public StokerEntries files(String owner, List<File> files) {
		files.forEach((file) -> path(file.path(), owner));
		return this;
	}

	public StokerEntries directories(String owner, List<Directory> entries) {
		entries.forEach((directory) -> path(directory.path(), owner));
		return this;
	}

	public StokerEntries links(String owner, List<Link> links) {
		links.forEach((link) -> path(link.path(), owner));
		return this;
	}

	/**
	 * Units Stoker writes whole (with contents), enables or masks, and the drop-ins it
	 * adds to the others.
	 */
	public StokerEntries units(String owner, List<Unit> units) {
		for (Unit unit : units) {
			if (unit.contents() != null) {
				wholeUnits.putIfAbsent(unit.name(), owner);
			}
			else if (unit.enabled() != null || unit.mask() != null) {
				unitSettings.putIfAbsent(unit.name(), owner);
			}
			for (Dropin dropin : (unit.dropins() != null) ? unit.dropins() : List.<Dropin>of()) {
				dropins.putIfAbsent(dropinKey(unit.name(), dropin.name()), owner);
			}
		}
		return this;
	}

	/** A file a unit of Stoker's writes on the node, which the config does not hold. */
	public StokerEntries path(String path, String owner) {
		paths.putIfAbsent(Paths.clean(path), owner);
		return this;
	}

	/** A directory whose whole contents are Stoker's (or kubeadm's). */
	public StokerEntries directory(String path, String owner) {
		directories.putIfAbsent(Paths.clean(path), owner);
		return this;
	}

	/** The user Stoker gives the definition's SSH keys, if it writes one. */
	public StokerEntries loginUser(String name) {
		loginUser = name;
		return this;
	}

	/** Why a snippet may not write this path, if it may not. */
	Optional<String> pathOwner(String path) {
		String clean = Paths.clean(path);
		if (paths.containsKey(clean)) {
			return Optional.of(clean + " is written by Stoker (" + paths.get(clean) + "); choose another path");
		}
		return directoryOwner(clean).map((directory) -> clean + " is in " + directory + ", which Stoker owns ("
				+ directories.get(directory) + "); choose another path");
	}

	/**
	 * Why a filesystem may not be mounted here: it would hide something Stoker writes.
	 */
	Optional<String> mountOwner(String path) {
		String clean = Paths.clean(path);
		Optional<String> owned = directoryOwner(clean).map(directories::get)
			.or(() -> ownerWithin(directories, clean))
			.or(() -> ownerWithin(paths, clean));
		return owned.map((owner) -> "mounts a filesystem on " + clean + ", which would hide what Stoker writes there ("
				+ owner + "); mount it elsewhere");
	}

	/** What owns the first of these entries that lies in {@code directory}. */
	private static Optional<String> ownerWithin(Map<String, String> entries, String directory) {
		return entries.entrySet()
			.stream()
			.filter((entry) -> Paths.contains(directory, entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst();
	}

	private Optional<String> directoryOwner(String clean) {
		return directories.keySet().stream().filter((directory) -> Paths.contains(directory, clean)).findFirst();
	}

	/** What Stoker's unit of this name is for, when Stoker writes it whole. */
	Optional<String> wholeUnit(String name) {
		return Optional.ofNullable(wholeUnits.get(name));
	}

	/**
	 * What Stoker's unit of this name is for, when Stoker writes it whole, enables or
	 * masks it.
	 */
	Optional<String> unitSettings(String name) {
		return wholeUnit(name).or(() -> Optional.ofNullable(unitSettings.get(name)));
	}

	Optional<String> dropin(String unit, String name) {
		return Optional.ofNullable(dropins.get(dropinKey(unit, name)));
	}

	boolean isLoginUser(String name) {
		return name != null && name.equals(loginUser);
	}

	static String dropinKey(String unit, String name) {
		return unit + " drop-in " + name;
	}

}

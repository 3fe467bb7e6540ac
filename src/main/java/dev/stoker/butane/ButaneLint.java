package dev.stoker.butane;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.stoker.butane.ButaneConfig.Directory;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Link;
import dev.stoker.butane.ButaneConfig.Owner;
import dev.stoker.butane.ButaneConfig.Passwd;
import dev.stoker.butane.ButaneConfig.Storage;

/**
 * A strict check of a Butane config of the flatcar variant: what the real butane reports
 * as an error, or as a warning that {@code --strict} turns into a failure, for this
 * model. That is butane's own validation ({@code base/v0_4} and {@code v0_5}
 * {@code validate.go}, its messages in {@code config/common/errors.go}) and the
 * validation of the Ignition config it produces, which butane runs on its output
 * (Ignition's {@code config/v3_3/types} and {@code v3_4/types} {@code Validate} methods
 * and {@code config/validate}'s duplicate check, messages in
 * {@code config/shared/errors}). Each rule names its source where it is checked.
 * <p>
 * Pointers are RFC 6901 JSON pointers from the config root in Butane's snake_case names.
 * Messages say what is wrong and how to fix it; they never repeat the value. A few rules
 * are Stoker's own: a spec 1.1.0 field under 1.0.0, and a {@code with_mount_unit} value
 * that would add a line to the mount unit butane writes from a template.
 */
public final class ButaneLint {

	static final String SPEC_100 = "1.0.0";

	static final String SPEC_110 = "1.1.0";

	private ButaneLint() {
	}

	/** Every problem of the config, in the order of its fields. */
	public static List<Finding> check(ButaneConfig config) {
		Findings findings = new Findings();
		if (config.variant() != null && !ButaneConfig.FLATCAR.equals(config.variant())) {
			findings.add("/variant", "must be flatcar: Stoker writes the flatcar variant of Butane");
		}
		if (config.version() != null && !SPEC_100.equals(config.version()) && !SPEC_110.equals(config.version())) {
			findings.add("/version", "must be 1.0.0 (Ignition 3.3.0) or 1.1.0 (Ignition 3.4.0)");
		}
		boolean spec110 = !SPEC_100.equals(config.version());
		if (config.ignition() != null) {
			IgnitionLint.check(config.ignition(), spec110, findings);
		}
		if (config.kernelArguments() != null) {
			findings.duplicates("/kernel_arguments/should_exist", config.kernelArguments().shouldExist(), (a) -> a,
					"repeats an earlier argument: give each once");
			findings.duplicates("/kernel_arguments/should_not_exist", config.kernelArguments().shouldNotExist(),
					(a) -> a, "repeats an earlier argument: give each once");
		}
		if (config.passwd() != null) {
			passwd(config.passwd(), findings);
		}
		if (config.storage() != null) {
			storage(config.storage(), spec110, findings);
			DiskLint.check(config.storage(), spec110, findings);
		}
		UnitLint.check(config, findings);
		return findings.list();
	}

	/**
	 * Whether a value can stand on a line of a unit file as written: no control character
	 * (line breaks among them, and the ones YAML readers disagree on) and no final
	 * backslash, which systemd reads as a continuation line.
	 */
	public static boolean fitsOnOneUnitLine(String value) {
		return value == null
				|| (value.chars().noneMatch((c) -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029)
						&& !value.endsWith("\\"));
	}

	private static void passwd(Passwd passwd, Findings findings) {
		// Ignition's PasswdUser and PasswdGroup are keyed by name; their string lists
		// (keys, groups) are checked for duplicates like every other list
		findings.duplicates("/passwd/users", passwd.users(), ButaneConfig.User::name,
				"repeats the name of an earlier user: define each user once");
		findings.duplicates("/passwd/groups", passwd.groups(), ButaneConfig.Group::name,
				"repeats the name of an earlier group: define each group once");
		List<ButaneConfig.User> users = Findings.orEmpty(passwd.users());
		for (int i = 0; i < users.size(); i++) {
			ButaneConfig.User user = users.get(i);
			if (Findings.isEmpty(user.name())) {
				findings.add("/passwd/users/" + i + "/name", "is required");
			}
			findings.duplicates("/passwd/users/" + i + "/ssh_authorized_keys", user.sshAuthorizedKeys(), (k) -> k,
					"repeats an earlier key: give each key once");
			findings.duplicates("/passwd/users/" + i + "/groups", user.groups(), (g) -> g,
					"repeats an earlier group: give each group once");
		}
		List<ButaneConfig.Group> groups = Findings.orEmpty(passwd.groups());
		for (int i = 0; i < groups.size(); i++) {
			if (Findings.isEmpty(groups.get(i).name())) {
				findings.add("/passwd/groups/" + i + "/name", "is required");
			}
		}
	}

	private static void storage(Storage storage, boolean spec110, Findings findings) {
		List<Directory> directories = Findings.orEmpty(storage.directories());
		List<File> files = Findings.orEmpty(storage.files());
		List<Link> links = Findings.orEmpty(storage.links());
		for (int i = 0; i < directories.size(); i++) {
			Directory directory = directories.get(i);
			String at = "/storage/directories/" + i;
			Paths.check(at + "/path", directory.path(), true, findings);
			mode(at + "/mode", directory.mode(), true, findings);
			owners(at, directory.user(), directory.group(), findings);
		}
		for (int i = 0; i < files.size(); i++) {
			File file = files.get(i);
			String at = "/storage/files/" + i;
			Paths.check(at + "/path", file.path(), true, findings);
			if (file.contents() != null) {
				Resources.check(at + "/contents", file.contents(), spec110, false, findings);
			}
			List<ButaneConfig.Resource> append = Findings.orEmpty(file.append());
			for (int j = 0; j < append.size(); j++) {
				Resources.check(at + "/append/" + j, append.get(j), spec110, false, findings);
			}
			mode(at + "/mode", file.mode(), false, findings);
			// Ignition's File.validateOverwrite
			if (Boolean.TRUE.equals(file.overwrite()) && !Resources.hasSource(file.contents())) {
				findings.add(at + "/overwrite",
						"true needs contents (inline or source) to write: set contents, or leave overwrite out");
			}
			owners(at, file.user(), file.group(), findings);
		}
		for (int i = 0; i < links.size(); i++) {
			link(i, links.get(i), storage, findings);
		}
		// Ignition's Storage.MergedKeys: directories, files and links share one list of
		// paths, checked in that order
		Set<String> paths = new HashSet<>();
		nodeDuplicates("/storage/directories", directories.stream().map(Directory::path).toList(), paths, findings);
		nodeDuplicates("/storage/files", files.stream().map(File::path).toList(), paths, findings);
		nodeDuplicates("/storage/links", links.stream().map(Link::path).toList(), paths, findings);
		// Ignition's Storage.validateDirectories, validateFiles, validateLinks
		underLinks("/storage/directories", directories.stream().map(Directory::path).toList(), links, findings);
		underLinks("/storage/files", files.stream().map(File::path).toList(), links, findings);
		underLinks("/storage/links", links.stream().map(Link::path).toList(), links, findings);
	}

	private static void link(int i, Link link, Storage storage, Findings findings) {
		String at = "/storage/links/" + i;
		Paths.check(at + "/path", link.path(), true, findings);
		owners(at, link.user(), link.group(), findings);
		if (Findings.isEmpty(link.target())) {
			findings.add(at + "/target", "is required: the path the link points to");
			return;
		}
		if (!Boolean.TRUE.equals(link.hard())) {
			return;
		}
		String target = Paths.clean(link.target().startsWith("/") ? link.target() : link.path() + "/" + link.target());
		if (Findings.orEmpty(storage.directories()).stream().anyMatch((d) -> target.equals(d.path()))) {
			findings.add(at, "is a hard link to a directory this config creates: a directory cannot be hard-linked");
		}
		// Ignition warns that the owner of a hard link is ignored
		String ignored = "is ignored for a hard link, which shares its target's owner: remove it";
		if (link.user() != null && link.user().id() != null) {
			findings.add(at + "/user/id", ignored);
		}
		if (link.user() != null && link.user().name() != null) {
			findings.add(at + "/user/name", ignored);
		}
		if (link.group() != null && link.group().id() != null) {
			findings.add(at + "/group/id", ignored);
		}
		if (link.group() != null && link.group().name() != null) {
			findings.add(at + "/group/name", ignored);
		}
	}

	private static void nodeDuplicates(String pointer, List<String> paths, Set<String> seen, Findings findings) {
		for (int i = 0; i < paths.size(); i++) {
			if (paths.get(i) != null && !seen.add(paths.get(i))) {
				findings.add(pointer + "/" + i,
						"repeats the path of an earlier file, directory or link: define each path once");
			}
		}
	}

	/**
	 * A link without a path counts as the empty path, as in Ignition: then every absolute
	 * path is "under" it.
	 */
	private static void underLinks(String pointer, List<String> paths, List<Link> links, Findings findings) {
		for (int i = 0; i < paths.size(); i++) {
			String path = paths.get(i);
			if (path != null && links.stream()
				.map((link) -> (link.path() != null) ? link.path() : "")
				.anyMatch((link) -> path.startsWith(link + "/"))) {
				findings.add(pointer + "/" + i,
						"is under a link this config creates: Ignition does not write through links; use the link's target path");
			}
		}
	}

	/**
	 * Ignition's {@code validateMode} (an error), {@code validateModeSpecialBits} (a
	 * warning for specs before 3.6.0) and butane's {@code CheckForDecimalMode} (a
	 * warning).
	 */
	private static void mode(String pointer, Integer mode, boolean directory, Findings findings) {
		if (mode == null) {
			return;
		}
		if (mode < 0 || mode > 07777) {
			findings.add(pointer, "must be a mode from 0 to 07777 (4095), written as its decimal value: 0644 is 420");
			return;
		}
		if (Modes.looksDecimal(mode, directory)) {
			findings.add(pointer,
					"reads as an unusual mode, but its digits would be a usual one in octal: write the mode's decimal value (0644 is 420, 0755 is 493), as YAML 1.2 and JSON read a leading zero as decimal");
		}
		if ((mode & 07000) != 0) {
			findings.add(pointer,
					"has setuid, setgid or sticky bits, which Ignition before spec 3.6.0 does not set: remove them");
		}
	}

	/** Ignition's {@code validateIDorName}. */
	private static void owners(String at, Owner user, Owner group, Findings findings) {
		if (user != null && user.id() != null && !Findings.isEmpty(user.name())) {
			findings.add(at + "/user", "sets both id and name: give one");
		}
		if (group != null && group.id() != null && !Findings.isEmpty(group.name())) {
			findings.add(at + "/group", "sets both id and name: give one");
		}
	}

	/**
	 * A problem of a Butane config.
	 *
	 * @param pointer RFC 6901 JSON pointer from the config root, in Butane's snake_case
	 * names (e.g. {@code /storage/files/0/mode})
	 * @param message what is wrong and how to fix it, without the value
	 */
	public record Finding(String pointer, String message) {
	}

}

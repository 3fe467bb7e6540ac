package dev.stoker.butane;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stoker.butane.ButaneConfig.Dropin;
import dev.stoker.butane.ButaneConfig.Filesystem;
import dev.stoker.butane.ButaneConfig.Storage;
import dev.stoker.butane.ButaneConfig.Unit;

/**
 * Units and drop-ins: Ignition's {@code Unit.Validate}, {@code Dropin.Validate},
 * {@code Systemd.Validate} and {@code Config.Validate} (a file where a unit is written).
 * Butane runs them on its output, where the mount units it generates come first and a
 * unit of the same name is merged into them; so a unit named like a generated one is
 * checked as merged (enabled unless it says otherwise, the generated contents unless it
 * has its own).
 */
final class UnitLint {

	private static final Set<String> TYPES = Set.of(".service", ".socket", ".device", ".mount", ".automount", ".swap",
			".target", ".path", ".timer", ".snapshot", ".slice", ".scope");

	private static final Pattern INSTANCE = Pattern.compile("^(.+?)@(.+?)\\.service$");

	private static final String SYSTEMD_DIR = "/etc/systemd/system/";

	private UnitLint() {
	}

	static void check(ButaneConfig config, Findings findings) {
		Set<String> generated = new HashSet<>();
		Storage storage = config.storage();
		if (storage != null) {
			for (Filesystem fs : Findings.orEmpty(storage.filesystems())) {
				if (fs.mountUnitName() != null) {
					generated.add(fs.mountUnitName());
				}
			}
		}
		List<Unit> units = (config.systemd() != null) ? Findings.orEmpty(config.systemd().units()) : List.of();
		Set<String> unitPaths = new HashSet<>();
		generated.forEach((name) -> unitPaths.add(SYSTEMD_DIR + name));
		for (int i = 0; i < units.size(); i++) {
			unit("/systemd/units/" + i, units.get(i), generated.contains(units.get(i).name()), unitPaths, findings);
		}
		findings.duplicates("/systemd/units", units, Unit::name,
				"repeats the name of an earlier unit: define each unit once, with all its drop-ins");
		instances(units, findings);
		if (storage != null) {
			conflicts("/storage/files",
					Findings.orEmpty(storage.files()).stream().map(ButaneConfig.File::path).toList(), unitPaths,
					findings);
			conflicts("/storage/directories",
					Findings.orEmpty(storage.directories()).stream().map(ButaneConfig.Directory::path).toList(),
					unitPaths, findings);
			conflicts("/storage/links",
					Findings.orEmpty(storage.links()).stream().map(ButaneConfig.Link::path).toList(), unitPaths,
					findings);
		}
	}

	private static void unit(String at, Unit unit, boolean generated, Set<String> unitPaths, Findings findings) {
		if (!TYPES.contains(extension(unit.name()))) {
			findings.add(at + "/name",
					"must end in a unit type: .service, .socket, .device, .mount, .automount, .swap, .target, .path, .timer, .snapshot, .slice or .scope");
		}
		UnitFile.Parsed parsed = null;
		if (unit.contents() != null) {
			parsed = UnitFile.parse(unit.contents());
			if (parsed.problem() != null) {
				findings.add(at + "/contents", "cannot be read as a unit file: " + parsed.problem());
			}
		}
		boolean enabled = (unit.enabled() != null) ? unit.enabled() : generated;
		// validations.ValidateInstallSection; a generated unit's own contents have one
		if (enabled && parsed != null && parsed.problem() == null && !unit.contents().isEmpty()
				&& !parsed.hasSection("Install")) {
			findings.add(at + "/contents",
					"has no [Install] section, so enabled does nothing: add one (e.g. WantedBy=multi-user.target) or leave enabled out");
		}
		if (!Findings.isEmpty(unit.contents()) && unit.name() != null) {
			unitPaths.add(SYSTEMD_DIR + unit.name());
		}
		List<Dropin> dropins = Findings.orEmpty(unit.dropins());
		for (int j = 0; j < dropins.size(); j++) {
			Dropin dropin = dropins.get(j);
			String dropinAt = at + "/dropins/" + j;
			if (dropin.contents() != null) {
				UnitFile.Parsed dropinParsed = UnitFile.parse(dropin.contents());
				if (dropinParsed.problem() != null) {
					findings.add(dropinAt + "/contents", "cannot be read as a unit file: " + dropinParsed.problem());
				}
			}
			if (!".conf".equals(extension(dropin.name()))) {
				findings.add(dropinAt + "/name", "must end in .conf: systemd reads no other drop-in");
			}
			if (!Findings.isEmpty(dropin.contents())) {
				unitPaths.add(SYSTEMD_DIR + unit.name() + ".d/" + dropin.name());
			}
		}
		findings.duplicates(at + "/dropins", dropins, Dropin::name,
				"repeats the name of an earlier drop-in of this unit: define each drop-in once");
	}

	/**
	 * Systemd.Validate: an enabled instance (a@b.service) of a template defined here
	 * whose contents have no [Install] section is a warning, reported at the instance.
	 */
	private static void instances(List<Unit> units, Findings findings) {
		Map<String, Unit> byName = new HashMap<>();
		units.forEach((unit) -> byName.put(unit.name(), unit));
		for (int i = 0; i < units.size(); i++) {
			Unit unit = units.get(i);
			Matcher matcher = (unit.name() != null) ? INSTANCE.matcher(unit.name()) : null;
			if (matcher == null || !matcher.matches() || !Boolean.TRUE.equals(unit.enabled())) {
				continue;
			}
			Unit template = byName.get(matcher.group(1) + "@.service");
			if (template != null && !Findings.isEmpty(template.contents())) {
				UnitFile.Parsed parsed = UnitFile.parse(template.contents());
				if (parsed.problem() == null && !parsed.hasSection("Install")) {
					findings.add("/systemd/units/" + i + "/contents",
							"is an enabled instance of a template unit without an [Install] section, so enabled does nothing: add [Install] to the template");
				}
			}
		}
	}

	private static void conflicts(String pointer, List<String> paths, Set<String> unitPaths, Findings findings) {
		for (int i = 0; i < paths.size(); i++) {
			if (unitPaths.contains(paths.get(i))) {
				findings.add(pointer + "/" + i + "/path",
						"is where a unit or drop-in of this config is written: define it under systemd instead, or choose another path");
			}
		}
	}

	/** Go's {@code path.Ext}: from the last dot of the last element, or empty. */
	private static String extension(String name) {
		if (name == null) {
			return "";
		}
		for (int i = name.length() - 1; i >= 0 && name.charAt(i) != '/'; i--) {
			if (name.charAt(i) == '.') {
				return name.substring(i);
			}
		}
		return "";
	}

}

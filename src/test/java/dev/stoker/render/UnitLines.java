package dev.stoker.render;

import java.util.List;

import dev.stoker.systemd.SystemdCommandLine;

/** Reads a written unit back line by line, as systemd would. */
record UnitLines(String text) {

	List<String> lines() {
		return text.lines().toList();
	}

	/** The values of every {@code key=} line, in order. */
	List<String> values(String key) {
		return lines().stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).toList();
	}

	/** Every Exec*= line as written, key included. */
	List<String> execLines() {
		return lines().stream().filter(l -> l.startsWith("Exec")).toList();
	}

	/** The argv systemd hands to the program of an Exec*= line. */
	static List<String> argv(String execLine) {
		return SystemdCommandLine.parse(execLine.substring(execLine.indexOf('=') + 1));
	}

	/** The one Exec line whose text contains {@code marker}. */
	String execLine(String marker) {
		List<String> found = execLines().stream().filter(l -> l.contains(marker)).toList();
		if (found.size() != 1) {
			throw new AssertionError("expected one Exec line with " + marker + " in\n" + text);
		}
		return found.get(0);
	}

}

package dev.stoker.butane;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a unit file's section names the way Ignition does (it uses go-systemd's
 * {@code unit.Deserialize}, {@code deserialize.go}), including its quirks: text before
 * the first section header is skipped, a value continues on the next line after a final
 * backslash, and a line of 2048 bytes or more is refused.
 */
final class UnitFile {

	static final int LINE_MAX = 2048;

	private final String text;

	private int at;

	private UnitFile(String text) {
		this.text = text;
	}

	/** The section names, or the reason the unit cannot be parsed. */
	record Parsed(List<String> sections, String problem) {

		boolean hasSection(String name) {
			return this.sections != null && this.sections.contains(name);
		}

	}

	static Parsed parse(String contents) {
		for (String line : contents.split("\n", -1)) {
			if (line.getBytes(StandardCharsets.UTF_8).length >= LINE_MAX) {
				return new Parsed(null, "a line is longer than systemd's limit of 2048 bytes");
			}
		}
		return new UnitFile(contents).sections();
	}

	private Parsed sections() {
		List<String> sections = new ArrayList<>();
		// before the first section: skip to the first '[', ignoring comment lines
		boolean found = false;
		while (!found && this.at < this.text.length()) {
			char c = this.text.charAt(this.at++);
			found = c == '[';
			if (c == '#' || c == ';') {
				skipCommentLine();
			}
		}
		if (!found) {
			return new Parsed(sections, null);
		}
		boolean inSectionName = true;
		while (true) {
			if (inSectionName) {
				int end = this.text.indexOf(']', this.at);
				if (end < 0) {
					return new Parsed(null, "a section header has no closing ]");
				}
				sections.add(this.text.substring(this.at, end));
				this.at = end + 1;
				if (!toEndOfLine().isBlank()) {
					return new Parsed(null, "a section header is followed by more text on its line");
				}
				inSectionName = false;
			}
			if (this.at >= this.text.length()) {
				return new Parsed(sections, null);
			}
			char c = this.text.charAt(this.at++);
			if (Character.isWhitespace(c)) {
				continue;
			}
			if (c == '[') {
				inSectionName = true;
			}
			else if (c == '#' || c == ';') {
				skipCommentLine();
			}
			else {
				String problem = option();
				if (problem != null) {
					return new Parsed(null, problem);
				}
			}
		}
	}

	private String option() {
		while (true) {
			if (this.at >= this.text.length()) {
				return "a setting has no = and no value";
			}
			char c = this.text.charAt(this.at++);
			if (c == '\n' || c == '\r') {
				return "a line is neither a [Section] header, a comment nor a Name=value setting";
			}
			if (c == '=') {
				break;
			}
		}
		while (true) {
			boolean eof = this.text.indexOf('\n', this.at) < 0;
			String line = toEndOfLine();
			if (line.isBlank() || !line.endsWith("\\") || eof) {
				return null;
			}
		}
	}

	private void skipCommentLine() {
		while (true) {
			String line = toEndOfLine();
			while (line.endsWith(" ")) {
				line = line.substring(0, line.length() - 1);
			}
			if (!line.endsWith("\\") || this.at >= this.text.length()) {
				return;
			}
		}
	}

	private String toEndOfLine() {
		int end = this.text.indexOf('\n', this.at);
		String line;
		if (end < 0) {
			line = this.text.substring(this.at);
			this.at = this.text.length();
		}
		else {
			line = this.text.substring(this.at, end);
			this.at = end + 1;
		}
		return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
	}

}

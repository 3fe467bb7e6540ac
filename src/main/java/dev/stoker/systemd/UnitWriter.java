package dev.stoker.systemd;

import java.util.List;
import java.util.regex.Pattern;

import dev.stoker.systemd.UnitFile.Directive;
import dev.stoker.systemd.UnitFile.Exec;
import dev.stoker.systemd.UnitFile.Section;
import dev.stoker.systemd.UnitFile.Setting;

/**
 * Writes unit files. Every value goes through one escaping step, so what systemd hands to
 * a program is exactly the value in the model:
 * <ul>
 * <li>% becomes %% everywhere (systemd expands % specifiers in most settings);</li>
 * <li>in command lines, $ becomes $$ (systemd substitutes $VAR and ${VAR} itself), and an
 * argument with a blank, a quote, a backslash or nothing in it is double-quoted with \
 * and " escaped (systemd splits command lines on blanks and honours C-style escapes in
 * quotes);</li>
 * <li>the one unescaped $ is a command's {@link Command#variables() variable}, written
 * {@code $NAME} as a word of its own: a checked name, never text;</li>
 * <li>a line break or any other control character is refused: it would end the directive
 * and start a new one.</li>
 * </ul>
 */
public final class UnitWriter {

	private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

	private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[^\\s\"'\\\\;]+");

	private UnitWriter() {
	}

	public static String write(UnitFile unit) {
		StringBuilder out = new StringBuilder();
		for (Section section : unit.sections()) {
			if (!out.isEmpty()) {
				out.append('\n');
			}
			out.append('[').append(checkedKey(section.name())).append("]\n");
			for (Directive directive : section.directives()) {
				out.append(checkedKey(directive.key())).append('=').append(value(directive)).append('\n');
			}
		}
		return out.toString();
	}

	private static String value(Directive directive) {
		if (directive instanceof Setting setting) {
			return specifiers(checkedText(setting.value()));
		}
		Exec exec = (Exec) directive;
		StringBuilder line = new StringBuilder(exec.command().ignoreFailure() ? "-" : "");
		List<String> argv = exec.command().argv();
		for (int i = 0; i < argv.size(); i++) {
			if (i > 0) {
				line.append(' ');
			}
			line.append(argument(checkedText(argv.get(i))));
		}
		for (String variable : exec.command().variables()) {
			line.append(" $").append(variable);
		}
		return line.toString();
	}

	/** One argv entry, quoted if systemd would otherwise split or unescape it. */
	private static String argument(String arg) {
		String escaped = specifiers(arg).replace("$", "$$");
		if (PLAIN_ARGUMENT.matcher(arg).matches()) {
			return escaped;
		}
		return '"' + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	private static String specifiers(String text) {
		return text.replace("%", "%%");
	}

	private static String checkedText(String text) {
		if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			throw new IllegalArgumentException("a unit file value cannot hold a line break or control character");
		}
		return text;
	}

	private static String checkedKey(String key) {
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("not a unit file key or section name");
		}
		return key;
	}

}

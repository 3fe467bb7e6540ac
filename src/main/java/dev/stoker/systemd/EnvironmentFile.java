package dev.stoker.systemd;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A file for EnvironmentFile=: one line per variable, in the map's order, either
 * {@code NAME=value} or {@code NAME="value"}. systemd.exec(5) reads them with shell-like
 * quoting, so each form admits only values it reaches the program unchanged with; any
 * other value, and a name that is no variable name, is refused rather than escaped.
 */
public record EnvironmentFile(Map<String, String> variables, Quoting quoting) {

	/** How values are written, and which values that form can hold as they are. */
	public enum Quoting {

		/**
		 * {@code NAME=value}, for values of characters that systemd, bash and envsubst
		 * all read as plain text (no quote, blank, {@code $}, backslash or line break).
		 */
		NONE("[A-Za-z0-9_.,:/@+=-]*", "", "a value that would need quoting, in %s"),

		/**
		 * {@code NAME="value"}: inside double quotes a backslash, a double quote, a
		 * {@code $} or a backquote could mean something else, and a line break would end
		 * the line.
		 */
		DOUBLE("[^\"\\\\$`\\p{Cntrl}]*", "\"",
				"environment variable %s cannot hold a line break, a control character, a backslash, a double quote, $ or `");

		private final Pattern values;

		private final String quote;

		private final String refusal;

		Quoting(String values, String quote, String refusal) {
			this.values = Pattern.compile(values);
			this.quote = quote;
			this.refusal = refusal;
		}

	}

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	public EnvironmentFile {
		variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
		variables.forEach((name, value) -> {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("not an environment variable name: " + name);
			}
			if (!quoting.values.matcher(value).matches()) {
				throw new IllegalArgumentException(quoting.refusal.formatted(name));
			}
		});
	}

	/** {@code NAME=value} lines: values that need no quoting at all. */
	public static EnvironmentFile plain(Map<String, String> variables) {
		return new EnvironmentFile(variables, Quoting.NONE);
	}

	/** {@code NAME="value"} lines: values may hold blanks and most punctuation. */
	public static EnvironmentFile quoted(Map<String, String> variables) {
		return new EnvironmentFile(variables, Quoting.DOUBLE);
	}

	public String write() {
		StringBuilder out = new StringBuilder();
		variables.forEach((name, value) -> out.append(name)
			.append('=')
			.append(quoting.quote)
			.append(value)
			.append(quoting.quote)
			.append('\n'));
		return out.toString();
	}

}

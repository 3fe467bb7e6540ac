package dev.stoker.systemd;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the files a unit reads with {@code EnvironmentFile=}: one {@code NAME="value"}
 * line per variable, in the map's order. systemd.exec(5) reads them with shell-like
 * quoting, where a backslash, a double quote, a {@code $} or a backquote inside double
 * quotes could mean something else; such values, and line breaks, are refused rather than
 * escaped, so a value reaches the program exactly as written or not at all.
 */
public final class EnvironmentFileWriter {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern PLAIN_VALUE = Pattern.compile("[^\"\\\\$`\\p{Cntrl}]*");

	private EnvironmentFileWriter() {
	}

	public static String write(Map<String, String> variables) {
		StringBuilder out = new StringBuilder();
		variables.forEach((name, value) -> {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("not an environment variable name");
			}
			if (!PLAIN_VALUE.matcher(value).matches()) {
				throw new IllegalArgumentException("environment variable " + name
						+ " cannot hold a line break, a control character, a backslash, a double quote, $ or `");
			}
			out.append(name).append("=\"").append(value).append("\"\n");
		});
		return out.toString();
	}

}

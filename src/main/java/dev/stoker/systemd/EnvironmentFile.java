package dev.stoker.systemd;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A file for EnvironmentFile=: one {@code NAME=value} line per variable. Values are
 * limited to characters that systemd, bash and envsubst all read as plain text (no quote,
 * blank, {@code $}, backslash or line break), so nothing needs escaping; anything else is
 * refused rather than written.
 */
public record EnvironmentFile(Map<String, String> variables) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.,:/@+=-]*");

	public EnvironmentFile {
		variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
		variables.forEach((name, value) -> {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("not an environment variable name: " + name);
			}
			if (!VALUE.matcher(value).matches()) {
				throw new IllegalArgumentException("a value that would need quoting, in " + name);
			}
		});
	}

	public String write() {
		return variables.entrySet()
			.stream()
			.map((variable) -> variable.getKey() + "=" + variable.getValue() + "\n")
			.collect(Collectors.joining());
	}

}

package dev.stoker.render;

import java.util.regex.Pattern;

/**
 * The few pieces of bash syntax the kubeadm unit's scripts are built from. Values are
 * single-quoted, so bash expands nothing in them; the unit writer then takes care of
 * systemd's own expansion.
 */
final class Bash {

	/** A name bash and envsubst read as one variable reference, and nothing more. */
	private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private Bash() {
	}

	/** One bash word holding exactly {@code text}. */
	static String quote(String text) {
		return "'" + text.replace("'", "'\\''") + "'";
	}

	/**
	 * A variable name, checked: it is written into scripts unquoted (as {@code ${NAME}}),
	 * so anything else could change what the script does.
	 */
	static String variable(String name) {
		if (!VARIABLE.matcher(name).matches()) {
			throw new IllegalArgumentException("not a shell variable name: " + name);
		}
		return name;
	}

}

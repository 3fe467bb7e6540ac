package dev.stoker.butane;

import java.util.List;

/**
 * What butane itself reports about a config, as an error or as a warning under
 * {@code --strict}, each at its pointer.
 */
public final class ButaneLint {

	private ButaneLint() {
	}

	/**
	 * Every finding about {@code config}, pointers relative to its root in Butane's
	 * snake_case names.
	 */
	public static List<Finding> check(ButaneConfig config) {
		// replaced by the real checker
		return List.of();
	}

	/**
	 * One thing wrong in a config.
	 *
	 * @param pointer JSON pointer relative to the config's root, such as
	 * {@code /storage/files/0/mode}
	 * @param message what is wrong and how to fix it
	 */
	public record Finding(String pointer, String message) {
	}

}

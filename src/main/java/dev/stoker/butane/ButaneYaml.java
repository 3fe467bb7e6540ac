package dev.stoker.butane;

import dev.stoker.json.Mappers;

/**
 * Writes and reads Butane YAML.
 * <p>
 * Modes are written as their decimal value ({@code mode: 384} for 0600), never in octal.
 * Butane reads {@code 0600} as octal only because its YAML library keeps that YAML 1.1
 * habit; a YAML 1.2 reader (Jackson's among them) reads the same text as the decimal 600,
 * which is mode 01130. The decimal value means the same to every reader. Butane warns
 * about a mode that "looks decimal" only when the number is not a usual mode itself, so a
 * usual mode written as its value never draws the warning.
 * <p>
 * Text is written as YAML readers agree on it. DEL, the C1 controls (NEL among them) and
 * the Unicode line and paragraph separators are not: YAML readers disagree on whether
 * they break a line, even inside a literal block. Validation keeps them out of everything
 * a definition puts into a node's documents, and a config holding one anyway is refused
 * here rather than written in a way some reader would change.
 */
public final class ButaneYaml {

	private ButaneYaml() {
	}

	public static String write(ButaneConfig config) {
		String yaml = Mappers.butaneYaml().writeValueAsString(config);
		if (yaml.chars().anyMatch(ButaneYaml::isContested)) {
			throw new IllegalArgumentException(
					"a Butane config cannot carry DEL, C1 controls or U+2028/U+2029: YAML readers disagree on them");
		}
		return yaml;
	}

	/**
	 * Whether YAML readers disagree on this character (whether it breaks a line), so a
	 * config holding it cannot be written as it is.
	 */
	public static boolean isContested(int c) {
		return (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
	}

	public static ButaneConfig read(String yaml) {
		return Mappers.butaneYaml().readValue(yaml, ButaneConfig.class);
	}

}

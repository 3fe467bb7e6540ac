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
 */
public final class ButaneYaml {

	private ButaneYaml() {
	}

	public static String write(ButaneConfig config) {
		return Mappers.butaneYaml().writeValueAsString(config);
	}

	public static ButaneConfig read(String yaml) {
		return Mappers.butaneYaml().readValue(yaml, ButaneConfig.class);
	}

}

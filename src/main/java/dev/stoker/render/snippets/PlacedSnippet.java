package dev.stoker.render.snippets;

import java.util.Objects;

import dev.stoker.butane.ButaneConfig;

/**
 * A snippet and where the definition has it.
 *
 * @param pointer its JSON pointer in the definition, such as
 * {@code /nodeGroups/1/snippets/0}
 */
public record PlacedSnippet(String pointer, ButaneConfig config) {

	public PlacedSnippet {
		Objects.requireNonNull(pointer);
		Objects.requireNonNull(config);
	}

}

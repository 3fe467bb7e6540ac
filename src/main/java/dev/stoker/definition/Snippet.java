package dev.stoker.definition;

import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneSnippetReader;

/**
 * A Butane config an operator added to a level of the definition, as written (what GET
 * answers) and as read (what is merged).
 */
public record Snippet(JsonNode written, ButaneConfig config) {

	public Snippet {
		written = written.deepCopy();
		Objects.requireNonNull(config);
	}

	/**
	 * Reads snippets that validation accepted. Throws {@link IllegalArgumentException}
	 * for one that was not, which only a damaged store can hold.
	 */
	static List<Snippet> of(List<JsonNode> written) {
		if (written == null) {
			return List.of();
		}
		return written.stream().map(Snippet::of).toList();
	}

	private static Snippet of(JsonNode written) {
		ButaneSnippetReader.Read read = ButaneSnippetReader.read(written);
		if (read.config() == null) {
			throw new IllegalArgumentException("a stored snippet is not a Butane config");
		}
		return new Snippet(written, read.config());
	}

	/** The wire form of a level's snippets: none is no key at all. */
	static List<JsonNode> definition(List<Snippet> snippets) {
		return snippets.isEmpty() ? null : snippets.stream().map(Snippet::written).toList();
	}

}

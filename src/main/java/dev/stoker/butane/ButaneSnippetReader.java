package dev.stoker.butane;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;

import dev.stoker.json.Mappers;

/** Reads a Butane config that an operator wrote as an object inside a definition. */
public final class ButaneSnippetReader {

	private ButaneSnippetReader() {
	}

	public static Read read(JsonNode node) {
		// replaced by the real checker
		try {
			return new Read(Mappers.json().treeToValue(node, ButaneConfig.class), List.of());
		}
		catch (DatabindException ex) {
			return new Read(null, List.of(new ButaneLint.Finding(pointer(ex), "is not a field of Butane's flatcar "
					+ "variant, or its value has the wrong type; see the Butane flatcar specs 1.0.0 and 1.1.0")));
		}
		catch (JacksonException ex) {
			return new Read(null, List.of(new ButaneLint.Finding("", "must be a Butane config")));
		}
	}

	private static String pointer(JacksonException ex) {
		StringBuilder pointer = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			pointer.append('/');
			if (reference.getPropertyName() != null) {
				pointer.append(reference.getPropertyName().replace("~", "~0").replace("/", "~1"));
			}
			else {
				pointer.append(reference.getIndex());
			}
		}
		return pointer.toString();
	}

	/**
	 * A config as read, and what is wrong with it.
	 *
	 * @param config null when it could not be read at all
	 */
	public record Read(ButaneConfig config, List<ButaneLint.Finding> problems) {
	}

}

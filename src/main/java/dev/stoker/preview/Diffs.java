package dev.stoker.preview;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stoker.definition.ClusterDefinition;
import dev.stoker.diff.UnifiedDiff;
import dev.stoker.json.Mappers;

/**
 * The diffs between two definitions and their documents. Definitions are compared as the
 * YAML GET answers; Ignition, served as one line of JSON, pretty-printed so that a change
 * shows as the lines it changes.
 */
final class Diffs {

	static final String DEFINITION = "definition.yaml";

	private Diffs() {
	}

	/** Null for a side that does not exist. */
	static String definition(String beforeName, ClusterDefinition before, String afterName, ClusterDefinition after) {
		return UnifiedDiff.of(beforeName + "/" + DEFINITION, yaml(before), afterName + "/" + DEFINITION, yaml(after));
	}

	/**
	 * The diff of one document between two sets, named {@code beforeName/PATH} and
	 * {@code afterName/PATH}; empty when it is the same.
	 */
	static String document(DocumentKey key, String beforeName, String before, String afterName, String after) {
		return UnifiedDiff.of(beforeName + "/" + key.path(), comparable(key, before), afterName + "/" + key.path(),
				comparable(key, after));
	}

	/**
	 * Every document that differs between the two sets, those of {@code after} first in
	 * its order, then those it no longer has.
	 */
	static List<DocumentDiff> documents(String beforeName, Map<DocumentKey, String> before, String afterName,
			Map<DocumentKey, String> after) {
		Set<DocumentKey> keys = new LinkedHashSet<>(after.keySet());
		keys.addAll(before.keySet());
		List<DocumentDiff> diffs = new ArrayList<>();
		for (DocumentKey key : keys) {
			String diff = document(key, beforeName, before.get(key), afterName, after.get(key));
			if (!diff.isEmpty()) {
				diffs.add(new DocumentDiff(key.group(), key.node(), key.document(), diff));
			}
		}
		return diffs;
	}

	private static String yaml(ClusterDefinition definition) {
		return (definition != null) ? Mappers.yaml().writeValueAsString(definition) : null;
	}

	private static String comparable(DocumentKey key, String document) {
		if (document == null || !key.document().equals("ignition")) {
			return document;
		}
		return Mappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(Mappers.json().readTree(document));
	}

}

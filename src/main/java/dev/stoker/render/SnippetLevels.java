package dev.stoker.render;

import java.util.ArrayList;
import java.util.List;

import dev.stoker.definition.Snippet;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.definition.ValidNode;
import dev.stoker.render.snippets.PlacedSnippet;

/**
 * A document's snippets by level, each with its pointer in the definition: the cluster's,
 * its group's, and a static node's own.
 */
final class SnippetLevels {

	private SnippetLevels() {
	}

	static List<List<PlacedSnippet>> of(ValidCluster cluster, ValidGroup group, ValidNode node) {
		List<List<PlacedSnippet>> levels = new ArrayList<>();
		levels.add(placed(cluster.snippets(), "/snippets"));
		levels.add(placed(group.snippets(), "/nodeGroups/" + cluster.groups().indexOf(group) + "/snippets"));
		if (node != null) {
			levels.add(placed(node.snippets(), "/nodes/" + cluster.nodes().indexOf(node) + "/snippets"));
		}
		return levels;
	}

	private static List<PlacedSnippet> placed(List<Snippet> snippets, String at) {
		List<PlacedSnippet> placed = new ArrayList<>();
		for (int i = 0; i < snippets.size(); i++) {
			placed.add(new PlacedSnippet(at + "/" + i, snippets.get(i).config()));
		}
		return placed;
	}

}

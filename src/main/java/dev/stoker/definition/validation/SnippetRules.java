package dev.stoker.definition.validation;

import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneLint;
import dev.stoker.butane.ButaneSnippetReader;
import dev.stoker.butane.ButaneYaml;
import dev.stoker.definition.ButaneVersion;
import dev.stoker.definition.ClusterDefinition;
import dev.stoker.definition.NodeGroup;
import dev.stoker.definition.StaticNode;
import dev.stoker.problem.JsonPointer;

/**
 * Each snippet on its own: a Butane config of the cluster's variant and version, with
 * nothing in it that butane would refuse or warn about. How snippets meet Stoker's own
 * entries and each other is checked once the rest of the definition is valid, on the
 * documents Stoker renders ({@link RenderedCheck}).
 */
final class SnippetRules {

	private SnippetRules() {
	}

	static void check(ClusterDefinition d, FieldErrors problems) {
		ButaneVersion version = (d.butaneVersion() != null) ? d.butaneVersion() : ButaneVersion.V1_0_0;
		level(d.snippets(), "/snippets", version, problems);
		List<NodeGroup> groups = (d.nodeGroups() != null) ? d.nodeGroups() : List.of();
		for (int i = 0; i < groups.size(); i++) {
			if (groups.get(i) != null) {
				level(groups.get(i).snippets(), "/nodeGroups/" + i + "/snippets", version, problems);
			}
		}
		List<StaticNode> nodes = (d.nodes() != null) ? d.nodes() : List.of();
		for (int i = 0; i < nodes.size(); i++) {
			if (nodes.get(i) != null) {
				level(nodes.get(i).snippets(), "/nodes/" + i + "/snippets", version, problems);
			}
		}
	}

	/**
	 * YAML readers disagree on whether DEL, the C1 controls and U+2028/U+2029 break a
	 * line, even in a literal block, so the node's Butane could not carry them as
	 * written.
	 */
	private static void contestedText(JsonNode node, String at, FieldErrors problems) {
		if (node.isString() && node.asString().chars().anyMatch(ButaneYaml::isContested)) {
			problems.add(at, "must not contain DEL, C1 control characters or U+2028/U+2029, on which YAML readers "
					+ "disagree; give such contents as a data URL in source instead");
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				contestedText(node.get(i), JsonPointer.child(at, i), problems);
			}
		}
		else if (node.isObject()) {
			node.properties()
				.forEach((entry) -> contestedText(entry.getValue(), JsonPointer.child(at, entry.getKey()), problems));
		}
	}

	private static void level(List<JsonNode> snippets, String at, ButaneVersion version, FieldErrors problems) {
		for (int i = 0; snippets != null && i < snippets.size(); i++) {
			snippet(snippets.get(i), JsonPointer.child(at, i), version, problems);
		}
	}

	private static void snippet(JsonNode written, String at, ButaneVersion version, FieldErrors problems) {
		if (written == null || !written.isObject()) {
			problems.required(at, "must be a Butane config of the flatcar variant, written as an object");
			return;
		}
		contestedText(written, at, problems);
		ButaneSnippetReader.Read read = ButaneSnippetReader.read(written);
		read.problems().forEach((finding) -> problems.add(at + finding.pointer(), finding.message()));
		ButaneConfig config = read.config();
		if (config == null) {
			return;
		}
		if (config.variant() != null && !ButaneConfig.FLATCAR.equals(config.variant())) {
			problems.add(at + "/variant",
					"must be " + ButaneConfig.FLATCAR + ", the one Butane variant Stoker renders, or left out");
		}
		if (config.version() != null && !version.wireName().equals(config.version())) {
			problems.add(at + "/version", "must be " + version.wireName()
					+ ", the cluster's butaneVersion, or left out: a node's snippets are merged into one config of"
					+ " the cluster's version");
		}
		ButaneConfig asMerged = new ButaneConfig(ButaneConfig.FLATCAR, version.wireName(), config.ignition(),
				config.storage(), config.systemd(), config.passwd(), config.kernelArguments());
		ButaneLint.check(asMerged).forEach((finding) -> problems.add(at + finding.pointer(), finding.message()));
	}

}

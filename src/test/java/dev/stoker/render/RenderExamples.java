package dev.stoker.render;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.stoker.definition.ClusterDefinition;
import dev.stoker.definition.NodeGroup;
import dev.stoker.definition.StaticNode;
import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.json.Mappers;

/** The example clusters under examples/, validated and with their defaults filled in. */
final class RenderExamples {

	private RenderExamples() {
	}

	static ClusterDefinition example(String file) throws Exception {
		return parse(Files.readString(Path.of("examples", file)));
	}

	static ClusterDefinition parse(String yaml) throws Exception {
		return new ClusterValidator().validate(Mappers.yaml().readTree(yaml));
	}

	static NodeGroup group(ClusterDefinition cluster, String name) {
		return cluster.nodeGroups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
	}

	static StaticNode node(ClusterDefinition cluster, String name) {
		return cluster.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
	}

}

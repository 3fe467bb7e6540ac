package dev.stoker.render;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.definition.ValidNode;
import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.json.Mappers;

/** The example clusters under examples/, validated and with their defaults filled in. */
final class RenderExamples {

	private RenderExamples() {
	}

	static ValidCluster example(String file) throws Exception {
		return parse(Files.readString(Path.of("examples", file)));
	}

	static ValidCluster parse(String yaml) throws Exception {
		return new ClusterValidator().validate(Mappers.yaml().readTree(yaml));
	}

	static ValidGroup group(ValidCluster cluster, String name) {
		return cluster.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
	}

	static ValidNode node(ValidCluster cluster, String name) {
		return cluster.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
	}

}

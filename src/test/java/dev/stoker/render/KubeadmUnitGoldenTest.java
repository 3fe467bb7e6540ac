package dev.stoker.render;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stoker.Golden;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.definition.ValidNode;
import dev.stoker.systemd.UnitWriter;

import static dev.stoker.render.RenderExamples.example;
import static dev.stoker.render.RenderExamples.group;
import static dev.stoker.render.RenderExamples.node;

/**
 * kubeadm.service of the example groups and static nodes, compared with reviewed files.
 */
class KubeadmUnitGoldenTest {

	static Stream<Arguments> groups() {
		return Stream.of(Arguments.of("aws-dual-stack.yaml", "bootstrap", "aws-dual-stack-bootstrap"),
				Arguments.of("aws-dual-stack.yaml", "control-plane", "aws-dual-stack-control-plane"),
				Arguments.of("aws-dual-stack.yaml", "workers", "aws-dual-stack-workers"),
				Arguments.of("azure-ipv4.yaml", "bootstrap", "azure-ipv4-bootstrap"));
	}

	@ParameterizedTest(name = "{0}, group {1}")
	@MethodSource("groups")
	void aGroupsUnitMatchesItsGoldenFile(String file, String groupName, String golden) throws Exception {
		ValidCluster cluster = example(file);
		ValidGroup group = group(cluster, groupName);
		String unit = UnitWriter
			.write(KubeadmUnit.of(cluster, group.role(), AddressSource.forGroup(cluster, group), false));
		Golden.assertMatches(unit, "units/" + golden + "/kubeadm.service");
	}

	@ParameterizedTest(name = "metal-ipv6-first.yaml, node {0}")
	@MethodSource
	void aStaticNodesUnitMatchesItsGoldenFile(String nodeName) throws Exception {
		ValidCluster cluster = example("metal-ipv6-first.yaml");
		ValidNode node = node(cluster, nodeName);
		ValidGroup group = node.group();
		String unit = UnitWriter
			.write(KubeadmUnit.of(cluster, group.role(), AddressSource.forNode(cluster, node, group.role()), false));
		Golden.assertMatches(unit, "units/metal-ipv6-first-" + nodeName + "/kubeadm.service");
	}

	static Stream<String> aStaticNodesUnitMatchesItsGoldenFile() {
		return Stream.of("cp-1", "cp-2", "worker-1");
	}

}

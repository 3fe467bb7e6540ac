package dev.stoker.kubeadm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stoker.Golden;
import dev.stoker.cluster.ClusterDefinition;
import dev.stoker.cluster.NodeGroup;
import dev.stoker.cluster.validation.ClusterValidator;
import dev.stoker.json.Mappers;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kubeadm config of every group of the example clusters, compared with reviewed
 * golden files. Secrets come from a fixed test value so the bytes are stable.
 */
class KubeadmConfigFactoryTest {

	static final JoinSecrets SECRETS = new JoinSecrets("abcdef.0123456789abcdef",
			"0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
			"sha256:8f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a2918");

	static ClusterDefinition example(String file) throws Exception {
		String text = Files.readString(Path.of("examples", file));
		return new ClusterValidator().validate(Mappers.yaml().readTree(text));
	}

	static Stream<Arguments> groups() throws Exception {
		NodeAddresses aws = new NodeAddresses("$COREOS_EC2_IPV4_LOCAL,$COREOS_EC2_IPV6", null);
		NodeAddresses azure = new NodeAddresses("$COREOS_AZURE_IPV4_DYNAMIC", null);
		NodeAddresses lab = new NodeAddresses("fd00:1:2:3::2,10.100.0.2", "fd00:1:2:3::2");
		return Stream.of(Arguments.of("aws-dual-stack.yaml", "bootstrap", aws, "aws-dual-stack-bootstrap.yaml"),
				Arguments.of("aws-dual-stack.yaml", "control-plane", aws, "aws-dual-stack-control-plane.yaml"),
				Arguments.of("aws-dual-stack.yaml", "workers", aws, "aws-dual-stack-workers.yaml"),
				Arguments.of("aws-dual-stack.yaml", "gpu", aws, "aws-dual-stack-gpu.yaml"),
				Arguments.of("azure-ipv4.yaml", "bootstrap", azure, "azure-ipv4-bootstrap.yaml"),
				Arguments.of("azure-ipv4.yaml", "workers", azure, "azure-ipv4-workers.yaml"),
				Arguments.of("metal-ipv6-first.yaml", "bootstrap", lab, "metal-ipv6-first-bootstrap.yaml"),
				Arguments.of("metal-ipv6-first.yaml", "control-plane",
						new NodeAddresses("fd00:1:2:3::3,10.100.0.3", "fd00:1:2:3::3"),
						"metal-ipv6-first-control-plane.yaml"));
	}

	@ParameterizedTest(name = "{0}, group {1}")
	@MethodSource("groups")
	void everyGroupOfTheExamplesMatchesItsGoldenFile(String example, String group, NodeAddresses addresses,
			String golden) throws Exception {
		ClusterDefinition cluster = example(example);
		String yaml = KubeadmYaml
			.write(KubeadmConfigFactory.documents(cluster, group(cluster, group), addresses, SECRETS));
		Golden.assertMatches(yaml, "kubeadm/" + golden);
	}

	@Test
	void aWorkerNeverGetsTheCertificateKeyAndEveryJoinPinsTheCa() throws Exception {
		ClusterDefinition cluster = example("aws-dual-stack.yaml");
		NodeAddresses addresses = new NodeAddresses("$A,$B", null);
		String worker = KubeadmYaml
			.write(KubeadmConfigFactory.documents(cluster, group(cluster, "workers"), addresses, SECRETS));
		String controlPlane = KubeadmYaml
			.write(KubeadmConfigFactory.documents(cluster, group(cluster, "control-plane"), addresses, SECRETS));
		assertThat(worker).doesNotContain(SECRETS.certificateKey()).contains(SECRETS.caCertHash());
		assertThat(controlPlane).contains(SECRETS.certificateKey()).contains(SECRETS.caCertHash());
		assertThat(worker + controlPlane).doesNotContain("unsafeSkipCAVerification");
	}

	@Test
	void aGroupWithoutTaintsKeepsKubeadmsDefaultAndAnEmptyListRemovesIt() throws Exception {
		ClusterDefinition azure = example("azure-ipv4.yaml");
		ClusterDefinition aws = example("aws-dual-stack.yaml");
		NodeAddresses addresses = new NodeAddresses("$A", null);
		JsonNode withEmptyList = init(azure, "bootstrap", addresses);
		JsonNode withoutKey = init(aws, "bootstrap", addresses);
		assertThat(withEmptyList.at("/nodeRegistration/taints").isArray()).isTrue();
		assertThat(withEmptyList.at("/nodeRegistration/taints").size()).isZero();
		assertThat(withoutKey.at("/nodeRegistration").has("taints")).isFalse();
	}

	@Test
	void v1beta3WritesExtraArgsAsAMapAndV1beta4AsAList() throws Exception {
		NodeAddresses addresses = new NodeAddresses("10.0.0.1", null);
		assertThat(init(example("azure-ipv4.yaml"), "bootstrap", addresses)
			.at("/nodeRegistration/kubeletExtraArgs/node-ip")
			.asString()).isEqualTo("10.0.0.1");
		JsonNode v1beta4 = init(example("aws-dual-stack.yaml"), "bootstrap", addresses);
		assertThat(v1beta4.at("/nodeRegistration/kubeletExtraArgs/0/name").asString()).isEqualTo("node-ip");
		assertThat(v1beta4.at("/nodeRegistration/kubeletExtraArgs/0/value").asString()).isEqualTo("10.0.0.1");
	}

	@Test
	void anIpv6EndpointIsBracketed() throws Exception {
		ClusterDefinition lab = example("metal-ipv6-first.yaml");
		assertThat(KubeadmConfigFactory.hostPort(lab.controlPlaneEndpoint())).isEqualTo("[fd00:1:2:3::10]:6443");
	}

	@Test
	void theSecretsNeverShowInToString() {
		assertThat(SECRETS.toString()).doesNotContain("abcdef").doesNotContain("0f1e2d").doesNotContain("8f7e6d");
		assertThat(new KubeadmDocuments.BootstrapToken("abcdef.0123456789abcdef", "24h0m0s", List.of(), List.of())
			.toString()).doesNotContain("abcdef");
	}

	private static JsonNode init(ClusterDefinition cluster, String group, NodeAddresses addresses) {
		Object init = KubeadmConfigFactory.documents(cluster, group(cluster, group), addresses, SECRETS).get(0);
		return Mappers.yaml().readTree(Mappers.yaml().writeValueAsString(init));
	}

	private static NodeGroup group(ClusterDefinition cluster, String name) {
		return cluster.nodeGroups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
	}

}

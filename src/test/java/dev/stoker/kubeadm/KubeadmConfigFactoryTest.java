package dev.stoker.kubeadm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import dev.stoker.Golden;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.json.Mappers;
import dev.stoker.kubeadm.KubeadmConfigCheck.Command;
import dev.stoker.net.IpFamily;
import dev.stoker.platform.Platform;
import dev.stoker.secrets.BootstrapToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kubeadm config of every group of the example clusters, compared with reviewed
 * golden files that the strict checker accepts. Secrets come from a fixed test value so
 * the bytes are stable.
 */
class KubeadmConfigFactoryTest {

	static final JoinSecrets SECRETS = new JoinSecrets("abcdef.0123456789abcdef",
			"0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
			"sha256:8f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a2918");

	private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "kubeadm");

	/**
	 * An address for every variable of the platform table, longest name first so that no
	 * name is replaced inside a longer one.
	 */
	private static final Map<String, String> SAMPLE_ADDRESSES = sampleAddresses();

	private static Map<String, String> sampleAddresses() {
		Map<String, String> addresses = new TreeMap<>(
				Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
		for (Platform platform : Platform.values()) {
			platform.listedAddress(IpFamily.IPV4).ifPresent(v -> addresses.put(v.name(), "192.0.2.10"));
			platform.listedAddress(IpFamily.IPV6).ifPresent(v -> addresses.put(v.name(), "2001:db8::10"));
		}
		return addresses;
	}

	static ValidCluster example(String file) throws Exception {
		String text = Files.readString(Path.of("examples", file));
		return new ClusterValidator().validate(Mappers.yaml().readTree(text));
	}

	/**
	 * Every group of every example. A group's addresses are the platform's variables in
	 * subnet order (the host substitutes them); a metal cluster's group is shown with its
	 * first static node's addresses. Control planes of IPv6-first clusters advertise
	 * their IPv6 address.
	 */
	static Stream<Arguments> groups() throws Exception {
		NodeAddresses aws = new NodeAddresses("$COREOS_EC2_IPV4_LOCAL,$COREOS_EC2_IPV6", null);
		NodeAddresses awsIpv6First = new NodeAddresses("$COREOS_EC2_IPV6,$COREOS_EC2_IPV4_LOCAL", "$COREOS_EC2_IPV6");
		NodeAddresses azure = new NodeAddresses("$COREOS_AZURE_IPV4_DYNAMIC", null);
		NodeAddresses digitalocean = new NodeAddresses(
				"$COREOS_DIGITALOCEAN_IPV4_PRIVATE_0,$COREOS_DIGITALOCEAN_IPV6_PUBLIC_0", null);
		NodeAddresses lab = new NodeAddresses("fd00:1:2:3::2,10.100.0.2", "fd00:1:2:3::2");
		return Stream.of(Arguments.of("aws-dual-stack.yaml", "bootstrap", aws, "aws-dual-stack-bootstrap.yaml"),
				Arguments.of("aws-dual-stack.yaml", "control-plane", aws, "aws-dual-stack-control-plane.yaml"),
				Arguments.of("aws-dual-stack.yaml", "workers", aws, "aws-dual-stack-workers.yaml"),
				Arguments.of("aws-dual-stack.yaml", "gpu", aws, "aws-dual-stack-gpu.yaml"),
				Arguments.of("aws-dual-stack.json", "bootstrap", aws, "aws-dual-stack-json-bootstrap.yaml"),
				Arguments.of("aws-dual-stack.json", "control-plane", aws, "aws-dual-stack-json-control-plane.yaml"),
				Arguments.of("aws-dual-stack.json", "workers", aws, "aws-dual-stack-json-workers.yaml"),
				Arguments.of("aws-ipv6-first.yaml", "bootstrap", awsIpv6First, "aws-ipv6-first-bootstrap.yaml"),
				Arguments.of("aws-ipv6-first.yaml", "control-plane", awsIpv6First, "aws-ipv6-first-control-plane.yaml"),
				Arguments.of("aws-ipv6-first.yaml", "workers", awsIpv6First, "aws-ipv6-first-workers.yaml"),
				Arguments.of("aws-butane-1.1.yaml", "bootstrap", aws, "aws-butane-1.1-bootstrap.yaml"),
				Arguments.of("aws-butane-1.1.yaml", "control-plane", aws, "aws-butane-1.1-control-plane.yaml"),
				Arguments.of("aws-butane-1.1.yaml", "workers", aws, "aws-butane-1.1-workers.yaml"),
				Arguments.of("digitalocean-dual-stack.yaml", "bootstrap", digitalocean,
						"digitalocean-dual-stack-bootstrap.yaml"),
				Arguments.of("digitalocean-dual-stack.yaml", "workers", digitalocean,
						"digitalocean-dual-stack-workers.yaml"),
				Arguments.of("azure-ipv4.yaml", "bootstrap", azure, "azure-ipv4-bootstrap.yaml"),
				Arguments.of("azure-ipv4.yaml", "workers", azure, "azure-ipv4-workers.yaml"),
				Arguments.of("metal-ipv6-first.yaml", "bootstrap", lab, "metal-ipv6-first-bootstrap.yaml"),
				Arguments.of("metal-ipv6-first.yaml", "control-plane",
						new NodeAddresses("fd00:1:2:3::3,10.100.0.3", "fd00:1:2:3::3"),
						"metal-ipv6-first-control-plane.yaml"),
				Arguments.of("metal-ipv6-first.yaml", "workers", new NodeAddresses("fd00:1:2:3::a,10.100.0.10", null),
						"metal-ipv6-first-workers.yaml"),
				Arguments.of("aws-customized.yaml", "bootstrap", aws, "aws-customized-bootstrap.yaml"),
				Arguments.of("aws-customized.yaml", "control-plane", aws, "aws-customized-control-plane.yaml"),
				Arguments.of("aws-customized.yaml", "batch", aws, "aws-customized-batch.yaml"));
	}

	@ParameterizedTest(name = "{0}, group {1}")
	@MethodSource("groups")
	void everyGroupOfTheExamplesMatchesItsGoldenFile(String example, String group, NodeAddresses addresses,
			String golden) throws Exception {
		ValidCluster cluster = example(example);
		String yaml = KubeadmYaml
			.write(KubeadmConfigFactory.documents(cluster, group(cluster, group), addresses, SECRETS));
		Golden.assertMatches(yaml, "kubeadm/" + golden);
	}

	/**
	 * The reviewed files themselves pass the checker for the cluster's API version and
	 * the group's role, once each platform variable is replaced by an address of its
	 * family, as the host does.
	 */
	@ParameterizedTest(name = "{3} is a valid kubeadm config after the host substitution")
	@MethodSource("groups")
	void everyGoldenFileIsAValidKubeadmConfig(String example, String group, NodeAddresses addresses, String golden)
			throws Exception {
		ValidCluster cluster = example(example);
		String yaml = Files.readString(GOLDEN.resolve(golden));
		for (Map.Entry<String, String> variable : SAMPLE_ADDRESSES.entrySet()) {
			yaml = yaml.replace("$" + variable.getKey(), variable.getValue());
		}
		KubeadmConfigCheck.assertValid(yaml, cluster.kubeadmApiVersion(), switch (group(cluster, group).role()) {
			case BOOTSTRAP -> Command.INIT;
			case CONTROL_PLANE -> Command.JOIN_CONTROL_PLANE;
			case WORKER -> Command.JOIN;
		});
	}

	@Test
	void everyKubeadmGoldenFileIsChecked() throws Exception {
		Set<String> listed = groups().map(arguments -> (String) arguments.get()[3]).collect(Collectors.toSet());
		try (Stream<Path> files = Files.list(GOLDEN)) {
			assertThat(files.map(file -> file.getFileName().toString())).allMatch(listed::contains);
		}
	}

	/**
	 * The customized example on v1.30, whose documents are v1beta3, with kube-proxy in
	 * ipvs mode (nftables needs v1.31): every document with kubelet settings, patches and
	 * options passes the checker as v1beta3, with the flags as maps; each group's patch
	 * passes as a kubelet patch.
	 */
	@ParameterizedTest(name = "v1beta3, group {0}")
	@org.junit.jupiter.params.provider.ValueSource(strings = { "bootstrap", "control-plane", "workers", "batch" })
	void theCustomizedExampleInV1beta3IsAValidKubeadmConfig(String name) throws Exception {
		String text = Files.readString(Path.of("examples", "aws-customized.yaml"))
			.replace("kubernetesVersion: v1.33.2", "kubernetesVersion: v1.30.14")
			.replace("mode: nftables", "mode: ipvs");
		ValidCluster cluster = new ClusterValidator().validate(Mappers.yaml().readTree(text));
		assertThat(cluster.kubeadmApiVersion()).isEqualTo(dev.stoker.definition.KubeadmApiVersion.V1BETA3);
		ValidGroup group = group(cluster, name);
		String yaml = KubeadmYaml.write(KubeadmConfigFactory.documents(cluster, group,
				new NodeAddresses("192.0.2.10,2001:db8::10", null), SECRETS));
		KubeadmConfigCheck.assertValid(yaml, cluster.kubeadmApiVersion(), switch (group.role()) {
			case BOOTSTRAP -> Command.INIT;
			case CONTROL_PLANE -> Command.JOIN_CONTROL_PLANE;
			case WORKER -> Command.JOIN;
		});
		assertThat(yaml.contains("patches:")).isEqualTo(name.equals("batch"));
		KubeadmConfigFactory.kubeletPatch(group)
			.ifPresent((patch) -> assertThat(KubeadmConfigCheck.checkKubeletPatch(patch)).isEmpty());
		if (name.equals("bootstrap")) {
			assertThat(yaml).contains("kind: KubeProxyConfiguration\nmode: ipvs\n")
				.contains("scheduler:\n  extraArgs:\n    profiling: \"false\"\n");
		}
	}

	/**
	 * A group with its own kubelet fields gets them as a merge patch naming only those
	 * fields, in the order written; the cluster's fields stay in the init document only.
	 */
	@Test
	void aGroupsKubeletFieldsBecomeAMergePatchOfThoseFieldsAlone() throws Exception {
		ValidCluster cluster = example("aws-customized.yaml");
		assertThat(KubeadmConfigFactory.kubeletPatch(group(cluster, "batch")))
			.contains("{\"maxPods\":250,\"evictionHard\":{\"memory.available\":\"500Mi\"}}\n");
		assertThat(KubeadmConfigFactory.kubeletPatch(group(cluster, "workers"))).isEmpty();
		assertThat(KubeadmConfigFactory.kubeletPatch(group(cluster, "bootstrap"))).isEmpty();
	}

	@Test
	void aWorkerNeverGetsTheCertificateKeyAndEveryJoinPinsTheCa() throws Exception {
		ValidCluster cluster = example("aws-dual-stack.yaml");
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
		ValidCluster azure = example("azure-ipv4.yaml");
		ValidCluster aws = example("aws-dual-stack.yaml");
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
		ValidCluster lab = example("metal-ipv6-first.yaml");
		assertThat(lab.controlPlaneEndpoint().hostPort()).isEqualTo("[fd00:1:2:3::10]:6443");
	}

	@Test
	void theSecretsNeverShowInToString() {
		assertThat(SECRETS.toString()).doesNotContain("abcdef").doesNotContain("0f1e2d").doesNotContain("8f7e6d");
		assertThat(new KubeadmDocuments.BootstrapToken("abcdef.0123456789abcdef", "24h0m0s", List.of(), List.of())
			.toString()).doesNotContain("abcdef");
	}

	private static JsonNode init(ValidCluster cluster, String group, NodeAddresses addresses) {
		Object init = KubeadmConfigFactory.documents(cluster, group(cluster, group), addresses, SECRETS).get(0);
		return Mappers.yaml().readTree(Mappers.yaml().writeValueAsString(init));
	}

	private static ValidGroup group(ValidCluster cluster, String name) {
		return cluster.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
	}

}

package dev.stoker.definition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.flatcar.HostVariable;
import dev.stoker.json.Mappers;
import dev.stoker.net.IpFamily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The validated cluster is a faithful reading of the stored definition: what is stored
 * and what GET answers come back from it unchanged.
 */
class ValidClusterTest {

	private final ClusterValidator validator = new ClusterValidator();

	static Stream<String> examples() throws Exception {
		try (Stream<Path> files = Files.list(Path.of("examples"))) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void readsBackTheDefinitionItWasMadeFrom(String example) throws Exception {
		ValidCluster cluster = validator.validate(Mappers.yaml().readTree(Path.of("examples", example).toFile()));
		String stored = Mappers.json().writeValueAsString(cluster.definition());

		ValidCluster read = ValidCluster.of(Mappers.json().readValue(stored, ClusterDefinition.class));

		assertThat(read).isEqualTo(cluster);
		assertThat(Mappers.json().writeValueAsString(read.definition())).isEqualTo(stored);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "FD00:10:244::/56", "fd00:10:244:0::/56" })
	void keepsARangeAsWrittenForTheKubeadmConfig(String written) throws Exception {
		ValidCluster cluster = validator.validate(Mappers.yaml().readTree("""
				name: written
				kubernetesVersion: v1.33.2
				platform: aws
				controlPlaneEndpoint: {host: k8s.example.internal}
				networking: {podSubnets: [10.244.0.0/16, "%s"], serviceSubnets: [10.96.0.0/16, fd00:10:96::/112]}
				""".formatted(written)));

		assertThat(cluster.networking().podSubnets().get(1).text()).isEqualTo(written);
		assertThat(cluster.families()).containsExactly(IpFamily.IPV4, IpFamily.IPV6);
		assertThat(cluster.definition().networking().podSubnets()).containsExactly("10.244.0.0/16", written);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void aGroupDocumentExistsExactlyWhenTheAddressSourceIsNotTheListedMachines(String example) throws Exception {
		ValidCluster cluster = validator.validate(Mappers.yaml().readTree(Path.of("examples", example).toFile()));

		assertThat(cluster.groupAddresses().isPresent())
			.isEqualTo(cluster.networking().addressSource() != NodeAddressSource.NODES);
		cluster.groupAddresses()
			.ifPresent((variables) -> assertThat(variables).isEqualTo(cluster.families()
				.stream()
				.map((f) -> cluster.interfaceFamilies().contains(f) ? HostVariable.fromInterfaces(f)
						: HostVariable.afterburn(cluster.platform().address(f).orElseThrow().name()))
				.toList()));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "aws-dual-stack.yaml, afterburn, ''", "azure-ipv4.yaml, afterburn, ''",
			"azure-dual-stack.yaml, mixed, IPV6", "metal-dual-stack.yaml, interfaces, IPV6 IPV4",
			"metal-ipv6-first.yaml, nodes, ''" })
	void eachExampleGetsItsPlatformsDefaultAddressSource(String example, String source, String fromInterfaces)
			throws Exception {
		ValidCluster cluster = validator.validate(Mappers.yaml().readTree(Path.of("examples", example).toFile()));

		assertThat(cluster.networking().addressSource().wireName()).isEqualTo(source);
		assertThat(cluster.definition().networking().addressSource().wireName()).as("stored as defaulted")
			.isEqualTo(source);
		assertThat(cluster.interfaceFamilies().stream().map(IpFamily::name).toList())
			.isEqualTo(fromInterfaces.isEmpty() ? List.of() : List.of(fromInterfaces.split(" ")));
	}

	/**
	 * A definition stored before addressSource existed has none: it reads as the default,
	 * which for every definition valid then keeps the documents it had.
	 */
	@Test
	void aDefinitionStoredWithoutAnAddressSourceReadsAsItsDefault() throws Exception {
		ValidCluster metal = validator
			.validate(Mappers.yaml().readTree(Path.of("examples", "metal-ipv6-first.yaml").toFile()));
		ClusterDefinition stored = metal.definition();
		Networking net = stored.networking();
		ClusterDefinition old = new ClusterDefinition(stored.name(), stored.kubernetesVersion(),
				stored.kubeadmApiVersion(), stored.platform(), stored.install(), stored.architecture(),
				stored.butaneVersion(), stored.controlPlaneEndpoint(), stored.apiServer(), stored.controllerManager(),
				new Networking(net.podSubnets(), net.serviceSubnets(), net.dnsDomain(), net.skipKubeProxy(), null,
						null),
				stored.cloudProvider(), stored.volumePluginDir(), stored.ssh(), stored.nodeGroups(), stored.nodes(),
				stored.patchUpdates());

		assertThat(ValidCluster.of(old)).isEqualTo(metal);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "10.244.0.0", "10.244.0.1/16", "not a range" })
	void aDamagedStoreIsNotReadAsIfItWereValid(String range) throws Exception {
		ClusterDefinition stored = Mappers.json().readValue("""
				{"name": "damaged", "kubernetesVersion": "v1.33.2", "kubeadmApiVersion": "v1beta4", "platform": "aws",
				 "install": "sysext", "architecture": "x86-64", "butaneVersion": "1.0.0",
				 "controlPlaneEndpoint": {"host": "k8s.example.internal", "port": 6443},
				 "apiServer": {"certSANs": [], "extraArgs": {}}, "controllerManager": {"extraArgs": {}},
				 "networking": {"podSubnets": ["%s"], "serviceSubnets": ["10.96.0.0/16"], "dnsDomain": "cluster.local",
				                "skipKubeProxy": false},
				 "cloudProvider": "none", "volumePluginDir": "/opt/libexec/kubernetes/kubelet-plugins/volume/exec/",
				 "ssh": {"user": "core", "authorizedKeys": []}, "nodeGroups": [], "nodes": []}
				""".formatted(range), ClusterDefinition.class);

		assertThatIllegalArgumentException().isThrownBy(() -> ValidCluster.of(stored));
	}

}

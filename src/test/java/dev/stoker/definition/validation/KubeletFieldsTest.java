package dev.stoker.definition.validation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.stoker.definition.KubernetesVersion;
import dev.stoker.definition.validation.KubeletFields.Field;
import dev.stoker.definition.validation.KubeletFields.Type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The kubelet field table: its rows, its refusals and its reading. */
class KubeletFieldsTest {

	private final KubeletFields table = KubeletFields.table();

	/**
	 * What Stoker writes into the KubeletConfiguration (cgroupDriver) or passes as a flag
	 * (volume-plugin-dir), what kubeadm sets for the cluster to work (the static pod
	 * path, the kubelet's authentication and authorization, the cluster domain from
	 * networking.dnsDomain), and the one field that names a single machine.
	 */
	@Test
	void refusesExactlyTheFieldsStokerOrKubeadmSetAndSaysWhy() {
		Map<String, String> refused = table.all()
			.stream()
			.filter(field -> field.refusal().isPresent())
			.collect(Collectors.toMap(Field::path, field -> field.refusal().get()));
		assertThat(refused).containsOnlyKeys("cgroupDriver", "volumePluginDir", "staticPodPath", "authentication",
				"authorization", "clusterDomain", "providerID");
		assertThat(refused.get("cgroupDriver")).startsWith("Stoker sets systemd");
		assertThat(refused.get("volumePluginDir")).contains("--volume-plugin-dir")
			.endsWith("set volumePluginDir instead");
		assertThat(refused.get("clusterDomain")).endsWith("set networking.dnsDomain instead");
		assertThat(refused.get("staticPodPath")).contains("/etc/kubernetes/manifests");
	}

	@Test
	void everyNestedFieldBelongsToAnObjectOrListOfTheTable() {
		for (Field field : table.all()) {
			int dot = field.path().lastIndexOf('.');
			if (dot < 0) {
				continue;
			}
			String parent = field.path().substring(0, dot);
			Type expected = parent.endsWith("[]") ? Type.LIST : Type.OBJECT;
			String parentPath = parent.endsWith("[]") ? parent.substring(0, parent.length() - 2) : parent;
			assertThat(table.field(parentPath)).as(field.path()).hasValueSatisfying(p -> {
				assertThat(p.type()).isEqualTo(expected);
				assertThat(field.since()).isGreaterThanOrEqualTo(p.since());
			});
		}
	}

	/**
	 * The kubelet's types as the table names them, for fields whose shape an operator is
	 * most likely to get wrong.
	 */
	@Test
	void namesTheKubeletsTypes() {
		Map<String, Type> expected = Map.ofEntries(Map.entry("maxPods", Type.INT32),
				Map.entry("podPidsLimit", Type.INT64), Map.entry("systemReserved", Type.QUANTITY_MAP),
				Map.entry("kubeReserved", Type.QUANTITY_MAP), Map.entry("evictionHard", Type.THRESHOLD_MAP),
				Map.entry("evictionSoftGracePeriod", Type.DURATION_MAP),
				Map.entry("shutdownGracePeriod", Type.DURATION), Map.entry("clusterDNS", Type.STRINGS),
				Map.entry("featureGates", Type.BOOL_MAP), Map.entry("registerWithTaints", Type.LIST),
				Map.entry("memoryThrottlingFactor", Type.FLOAT), Map.entry("staticPodURLHeader", Type.STRINGS_MAP),
				Map.entry("logging.verbosity", Type.UINT32), Map.entry("containerLogMaxSize", Type.QUANTITY),
				Map.entry("serverTLSBootstrap", Type.BOOL));
		expected.forEach(
				(path, type) -> assertThat(table.field(path)).as(path).get().extracting(Field::type).isEqualTo(type));
		assertThat(table.field("topologyManagerPolicy")).get()
			.extracting(Field::values)
			.isEqualTo(List.of("none", "best-effort", "restricted", "single-numa-node"));
	}

	/** The release each field arrived in, from the kubelet's types at each tag. */
	@Test
	void knowsTheReleaseEachFieldArrivedIn() {
		assertThat(table.field("enableServer")).get()
			.extracting(Field::since)
			.isEqualTo(new KubernetesVersion(1, 22, 0));
		assertThat(table.field("podLogsDir")).get().extracting(Field::since).isEqualTo(new KubernetesVersion(1, 30, 0));
		assertThat(table.field("userNamespaces")).get()
			.extracting(Field::since)
			.isEqualTo(new KubernetesVersion(1, 33, 0));
		assertThat(table.field("defaultPodSysctls")).get()
			.extracting(Field::since)
			.isEqualTo(new KubernetesVersion(1, 37, 0));
	}

	@Test
	void refusesAMalformedTable() {
		assertThatIllegalStateException().isThrownBy(() -> KubeletFields.parse(List.of("maxPods int32")))
			.withMessageContaining("needs a name, a type and a release");
		assertThatIllegalStateException()
			.isThrownBy(() -> KubeletFields.parse(List.of("a string v1.22", "a bool v1.22")))
			.withMessageContaining("listed twice");
		assertThatIllegalStateException().isThrownBy(() -> KubeletFields.parse(List.of("a string v1.22 because it is")))
			.withMessageContaining("refused:");
	}

}

package dev.stoker.cni;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stoker.json.Mappers;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value Stoker answers is a key of the Cilium chart: the chart cannot be rendered
 * offline, so its key paths are kept in test resources (cni/cilium-chart-keys.txt, with
 * the version they were read from), and a misspelled or misplaced key, which Helm would
 * silently ignore, fails here.
 */
class CiliumChartKeysTest {

	private static final Path KEYS = Path.of("src", "test", "resources", "cni", "cilium-chart-keys.txt");

	static List<CiliumClusters.Case> clusters() throws Exception {
		return CiliumClusters.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("clusters")
	void everyKeyAnsweredIsOneTheChartReads(CiliumClusters.Case c) throws Exception {
		JsonNode values = Mappers.json().valueToTree(CiliumValues.of(c.cluster()));

		assertThat(paths(values, "")).isNotEmpty().isSubsetOf(chartKeys());
	}

	@Test
	void theKeyListHoldsTheKeysItIsTrustedFor() throws Exception {
		assertThat(chartKeys())
			.contains("ipam.mode", "ipv4.enabled", "ipv6.enabled", "k8sServiceHost", "k8sServicePort",
					"kubeProxyReplacement", "k8s.requireIPv4PodCIDR", "k8s.requireIPv6PodCIDR", "underlayProtocol")
			.doesNotContain("k8s.requireIPv4PodCidr", "ipam.operator.mode", "kubeProxyReplacment");
	}

	/** The paths of the leaves, dot-separated as helm --set writes them. */
	private static List<String> paths(JsonNode node, String prefix) {
		List<String> paths = new ArrayList<>();
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			String path = prefix + field.getKey();
			if (field.getValue().isObject()) {
				paths.addAll(paths(field.getValue(), path + "."));
			}
			else {
				paths.add(path);
			}
		}
		return paths;
	}

	private static Set<String> chartKeys() throws Exception {
		return Files.readAllLines(KEYS, StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.collect(Collectors.toSet());
	}

}

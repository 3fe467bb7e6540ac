package dev.stoker.render;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stoker.definition.KubeadmApiVersion;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidNode.NodeAddress;
import dev.stoker.flatcar.HostVariable;
import dev.stoker.ignition.ButaneTranspiler;
import dev.stoker.ignition.DataUrls;
import dev.stoker.ignition.IgnitionConfig;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.flatcar.NodePaths;
import dev.stoker.kubeadm.KubeadmConfigCheck;
import dev.stoker.kubeadm.KubeadmConfigFactory;
import dev.stoker.kubeadm.KubeadmConfigCheck.Command;
import dev.stoker.kubeadm.KubeadmConfigCheck.ControlPlaneKeys;
import dev.stoker.net.IpFamily;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example boots: for each group (or static node) of each definition under
 * examples/, the node's Ignition is read back as a host would get it, and from that JSON
 * alone the kubeadm config and kubeadm.service are taken, the unit's envsubst line is run
 * on a simulated host with the platform's metadata, and the config kubeadm then reads
 * must be valid for the cluster's kubeadm API version, with the node's addresses in it
 * and nothing else changed.
 */
class ExampleBootsTest {

	/**
	 * The addresses the fake metadata file gives. The IPv6 one is written out in decimal
	 * groups: plain in YAML it would read as a base-60 integer, so this proves the
	 * placeholder was quoted before the host substituted it.
	 */
	private static final Map<IpFamily, String> METADATA_ADDRESSES = Map.of(IpFamily.IPV4, "10.20.30.40", IpFamily.IPV6,
			"2001:10:20:30:40:50:1:2");

	private static final Pattern CONFIG_FLAG = Pattern.compile("--config (\\S+?)(?=[\\s\"']|$)");

	static Stream<ExampleNodes.Node> nodes() throws Exception {
		List<ExampleNodes.Node> nodes = new ArrayList<>();
		for (String example : ExampleNodes.files()) {
			nodes.addAll(ExampleNodes.of(example));
		}
		return nodes.stream();
	}

	@ParameterizedTest(name = "{0}: after the host substitution, kubeadm gets a valid config with the node's addresses")
	@MethodSource("nodes")
	void theHostTurnsTheIgnitionIntoAValidKubeadmConfig(ExampleNodes.Node node, @TempDir Path dir) throws Exception {
		ValidCluster cluster = node.cluster();
		IgnitionConfig ignition = IgnitionJson.read(IgnitionJson.write(ButaneTranspiler.transpile(node.butane())));
		String written = file(ignition, KubeadmUnit.CONFIG);
		UnitLines unit = new UnitLines(unit(ignition, KubeadmUnit.NAME));

		List<String> addresses;
		String config;
		String configPath;
		if (node.node() == null) {
			Map<String, String> metadata = metadata(cluster);
			addresses = cluster.families().stream().map(METADATA_ADDRESSES::get).toList();
			Path in = dir.resolve("kubeadm.yml");
			Path out = dir.resolve("kubeadm-final.yml");
			Files.writeString(in, written, StandardCharsets.UTF_8);
			HostSimulation.Run run = HostSimulation.run(unit.execLine("envsubst"), in, out, metadata);
			assertThat(run.exitCode()).as(run.output()).isZero();
			config = Files.readString(out, StandardCharsets.UTF_8);
			configPath = KubeadmUnit.FINAL_CONFIG;
			String expected = written;
			for (Map.Entry<String, String> variable : metadata.entrySet()) {
				assertThat(written).as("the config names %s", variable.getKey()).contains("$" + variable.getKey());
				expected = expected.replace("$" + variable.getKey(), variable.getValue());
			}
			assertThat(config).as("the placeholders are substituted and nothing else changes").isEqualTo(expected);
		}
		else {
			addresses = node.node().addresses().stream().map(NodeAddress::text).toList();
			assertThat(unit.execLines()).as("a static node substitutes nothing").noneMatch(l -> l.contains("envsubst"));
			config = written;
			configPath = KubeadmUnit.CONFIG;
		}
		assertThat(config).as("no variable is left for kubeadm").doesNotContain("$");
		assertThat(configFlags(unit)).as("kubeadm reads the file with the addresses")
			.isNotEmpty()
			.containsOnly(configPath);

		KubeadmConfigCheck.assertValid(config, cluster.kubeadmApiVersion(), command(node.role()),
				node.secrets().uploadsCertificates() ? ControlPlaneKeys.UPLOADED : ControlPlaneKeys.SHARED);
		Map<String, Object> first = document(config,
				node.role() == NodeRole.BOOTSTRAP ? "InitConfiguration" : "JoinConfiguration");
		assertThat(kubeletArg(first, cluster.kubeadmApiVersion(), "node-ip"))
			.as("node-ip: one address per cluster family, in subnet order")
			.isEqualTo(String.join(",", addresses));
		Object advertise = node.role() == NodeRole.BOOTSTRAP ? at(first, "localAPIEndpoint", "advertiseAddress")
				: at(first, "controlPlane", "localAPIEndpoint", "advertiseAddress");
		if (advertise != null) {
			assertThat(advertise).as("the API server advertises the node's primary address")
				.isEqualTo(addresses.get(0));
		}
		if (node.role() != NodeRole.WORKER && cluster.families().get(0) == IpFamily.IPV6) {
			assertThat(advertise).as("an IPv6-first control plane advertises its IPv6 address").isNotNull();
		}
		kubeletPatchLandsWherePatchesPoint(ignition, first, node);
	}

	/**
	 * kubeadm applies the patches of the directory its config names: a group's own
	 * kubelet fields must be a file there that kubeadm reads as a kubeletconfiguration
	 * merge patch of known fields, and a node whose group has none gets neither the
	 * directory in its config nor a file under it.
	 */
	private static void kubeletPatchLandsWherePatchesPoint(IgnitionConfig ignition, Map<String, Object> first,
			ExampleNodes.Node node) {
		Object directory = at(first, "patches", "directory");
		List<String> patchFiles = ignition.storage()
			.files()
			.stream()
			.map(IgnitionConfig.File::path)
			.filter(path -> path.startsWith(NodePaths.KUBEADM_PATCHES + "/"))
			.toList();
		if (node.group().kubelet().isEmpty()) {
			assertThat(directory).as("no patches without the group's own kubelet fields").isNull();
			assertThat(patchFiles).isEmpty();
			return;
		}
		assertThat(directory).isEqualTo(NodePaths.KUBEADM_PATCHES);
		String path = directory + "/" + KubeadmConfigFactory.KUBELET_PATCH_FILE;
		assertThat(patchFiles).containsExactly(path);
		String patch = file(ignition, path);
		assertThat(KubeadmConfigCheck.checkKubeletPatch(patch)).isEmpty();
		assertThat(KubeadmConfigCheck.readYaml11(patch)).singleElement().isEqualTo(node.group().kubelet());
	}

	/**
	 * The fake host variables: those of /run/metadata/flatcar in the platform table's
	 * names, and those node-addresses.service writes, for the cluster's families.
	 */
	private static Map<String, String> metadata(ValidCluster cluster) {
		Map<String, String> variables = new LinkedHashMap<>();
		List<HostVariable> names = cluster.groupAddresses()
			.orElseThrow(() -> new AssertionError(cluster.name() + " has no group documents"));
		for (int i = 0; i < names.size(); i++) {
			variables.put(names.get(i).name(), METADATA_ADDRESSES.get(cluster.families().get(i)));
		}
		return variables;
	}

	/** The cluster's address families, primary first, as its subnets list them. */

	private static Command command(NodeRole role) {
		return switch (role) {
			case BOOTSTRAP -> Command.INIT;
			case CONTROL_PLANE -> Command.JOIN_CONTROL_PLANE;
			case WORKER -> Command.JOIN;
		};
	}

	/** A file's contents as Ignition writes them: the data URL decoded, gunzipped. */
	private static String file(IgnitionConfig ignition, String path) {
		List<IgnitionConfig.File> files = ignition.storage()
			.files()
			.stream()
			.filter(f -> f.path().equals(path))
			.toList();
		assertThat(files).as("files at %s", path).hasSize(1);
		return new String(DataUrls.contents(files.get(0).contents()), StandardCharsets.UTF_8);
	}

	private static String unit(IgnitionConfig ignition, String name) {
		List<IgnitionConfig.Unit> units = ignition.systemd()
			.units()
			.stream()
			.filter(u -> u.name().equals(name))
			.toList();
		assertThat(units).as("units named %s", name).hasSize(1);
		return units.get(0).contents();
	}

	/** Every file kubeadm is given with --config, in any Exec line. */
	private static List<String> configFlags(UnitLines unit) {
		List<String> paths = new ArrayList<>();
		for (String line : unit.execLines()) {
			Matcher matcher = CONFIG_FLAG.matcher(line);
			while (matcher.find()) {
				paths.add(matcher.group(1));
			}
		}
		return paths;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> document(String config, String kind) {
		return KubeadmConfigCheck.readYaml11(config)
			.stream()
			.map(document -> (Map<String, Object>) document)
			.filter(document -> kind.equals(document.get("kind")))
			.findFirst()
			.orElseThrow();
	}

	/** A kubelet flag: v1beta3 maps names to values, v1beta4 lists {name, value}. */
	@SuppressWarnings("unchecked")
	private static Object kubeletArg(Map<String, Object> document, KubeadmApiVersion api, String name) {
		Object args = at(document, "nodeRegistration", "kubeletExtraArgs");
		if (api == KubeadmApiVersion.V1BETA3) {
			return ((Map<String, Object>) args).get(name);
		}
		return ((List<Map<String, Object>>) args).stream()
			.filter(arg -> name.equals(arg.get("name")))
			.map(arg -> arg.get("value"))
			.findFirst()
			.orElse(null);
	}

	@SuppressWarnings("unchecked")
	private static Object at(Map<String, Object> document, String... path) {
		Object value = document;
		for (String step : path) {
			value = value instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(step) : null;
		}
		return value;
	}

}

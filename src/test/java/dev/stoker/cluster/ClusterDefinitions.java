package dev.stoker.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.stoker.definition.ApiServer;
import dev.stoker.definition.Architecture;
import dev.stoker.definition.ButaneVersion;
import dev.stoker.definition.CloudProvider;
import dev.stoker.definition.ClusterDefinition;
import dev.stoker.definition.ControlPlaneEndpoint;
import dev.stoker.definition.ControllerManager;
import dev.stoker.definition.Install;
import dev.stoker.definition.KubeadmApiVersion;
import dev.stoker.definition.Networking;
import dev.stoker.definition.NodeGroup;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.Ssh;
import dev.stoker.definition.StaticNode;
import dev.stoker.definition.Taint;
import dev.stoker.definition.TaintEffect;
import dev.stoker.definition.ValidCluster;
import dev.stoker.json.Mappers;
import dev.stoker.platform.Platform;

/** Cluster definitions for storage tests. */
final class ClusterDefinitions {

	private static final String SSH_KEY = "ssh-ed25519 "
			+ "AAAAC3NzaC1lZDI1NTE5AAAAIGs6fKXVn3YkE1C8m8b0JmC2qVtOq6Zb0yq4Y3l0rJ4Q ops@example";

	private ClusterDefinitions() {
	}

	/**
	 * A definition with every field set, including the ones storage could get subtly
	 * wrong: a group without taints next to one with an empty list of them (kubeadm's
	 * default taint kept versus removed), a taint without a value, and flag values with
	 * characters that need escaping in JSON, SQL or a shell.
	 */
	static ValidCluster everyField(String name) {
		Map<String, String> apiServerArgs = new LinkedHashMap<>();
		apiServerArgs.put("oidc-username-claim", "\"email\" 'quoted' back\\slash $HOME ${VAR} %n `id`");
		apiServerArgs.put("feature-gates", "A=true,B=false");
		apiServerArgs.put("audit-log-path", "'); DELETE FROM cluster; --");
		apiServerArgs.put("unicode", "Grüße, 東京, \u2603, \uD83D\uDE80");
		apiServerArgs.put("control", "tab\there, line\nbreak, nul\u0000, bell\u0007");
		apiServerArgs.put("empty", "");
		return ValidCluster.of(new ClusterDefinition(name, "v1.33.2", KubeadmApiVersion.V1BETA4, Platform.METAL,
				Install.BINARIES, Architecture.ARM64, ButaneVersion.V1_1_0,
				new ControlPlaneEndpoint("k8s-int.example.internal", 8443),
				new ApiServer(List.of("k8s.example.com", "10.100.0.10", "fd00:1:2:3::10"), apiServerArgs),
				new ControllerManager(Map.of("node-cidr-mask-size-ipv6", "64")),
				new Networking(List.of("fd00:10:244::/56", "10.244.0.0/16"),
						List.of("fd00:10:96::/112", "10.96.0.0/16"), "cluster.example", true, null, null),
				CloudProvider.EXTERNAL, "/opt/libexec/kubernetes/kubelet-plugins/volume/exec/",
				new Ssh("ops", List.of(SSH_KEY)),
				List.of(new NodeGroup("bootstrap", NodeRole.BOOTSTRAP, Map.of("node.kubernetes.io/pool", "cp"), null),
						new NodeGroup("control-plane", NodeRole.CONTROL_PLANE, Map.of(), List.of()),
						new NodeGroup("workers", NodeRole.WORKER, Map.of("tier", "general", "example.com/team", "blue"),
								List.of(new Taint("dedicated", "gpu", TaintEffect.NO_SCHEDULE),
										new Taint("example.com/spot", null, TaintEffect.PREFER_NO_SCHEDULE)))),
				List.of(new StaticNode("cp-1", "bootstrap", "10.100.0.2", "fd00:1:2:3::2"),
						new StaticNode("cp-2", "control-plane", "10.100.0.3", "fd00:1:2:3::3"),
						new StaticNode("worker-1", "workers", "10.100.0.4", "fd00:1:2:3::4")),
				false));
	}

	/** The same cluster with one visible change, for replaces. */
	static ValidCluster withKubernetesVersion(ValidCluster cluster, String version) {
		ClusterDefinition definition = cluster.definition();
		return ValidCluster.of(new ClusterDefinition(definition.name(), version, definition.kubeadmApiVersion(),
				definition.platform(), definition.install(), definition.architecture(), definition.butaneVersion(),
				definition.controlPlaneEndpoint(), definition.apiServer(), definition.controllerManager(),
				definition.networking(), definition.cloudProvider(), definition.volumePluginDir(), definition.ssh(),
				definition.nodeGroups(), definition.nodes(), definition.patchUpdates()));
	}

	/**
	 * A small valid request body, as an operator would send it; {@code marker} ends up as
	 * an API server flag value, so that each writer's body can be told apart in what was
	 * stored.
	 */
	static JsonNode body(String name, String marker) {
		return Mappers.json().readTree("""
				{
				  "name": "%s",
				  "kubernetesVersion": "v1.33.2",
				  "platform": "aws",
				  "controlPlaneEndpoint": {"host": "k8s-int.example.internal"},
				  "apiServer": {"extraArgs": {"audit-log-path": "%s"}},
				  "networking": {"podSubnets": ["10.244.0.0/16"], "serviceSubnets": ["10.96.0.0/16"]}
				}
				""".formatted(name, marker));
	}

	/**
	 * Which body a stored definition came from: the {@code marker} given to
	 * {@link #body}.
	 */
	static String marker(ValidCluster cluster) {
		return cluster.apiServer().extraArgs().get("audit-log-path");
	}

}

package dev.stoker.definition;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import dev.stoker.platform.Platform;

/**
 * A cluster as the operator defines it. Every field is nullable on the way in (so that
 * validation can report each missing one by its path); {@link ClusterDefaults} fills the
 * optional ones before the definition is stored, so what GET answers is exactly what the
 * renderer uses.
 */
@Schema(description = "A Kubernetes cluster whose nodes bootstrap themselves on Flatcar Container Linux",
		example = ClusterDefinitionExample.JSON)
public record ClusterDefinition(
		@Schema(description = "DNS-1123 label, at most 63 characters, unique; required to create a cluster, and when a "
				+ "replacement gives it, the name in its URL", example = "prod-use1") String name,
		@Schema(description = "vMAJOR.MINOR.PATCH; picks the kubeadm API version (v1beta4 from v1.31, else v1beta3)",
				example = "v1.33.2", requiredMode = Schema.RequiredMode.REQUIRED) String kubernetesVersion,
		@Schema(description = "kubeadm config API version; derived from kubernetesVersion when omitted") KubeadmApiVersion kubeadmApiVersion,
		@Schema(description = "Afterburn platform id the nodes boot on, or metal for machines listed under nodes",
				requiredMode = Schema.RequiredMode.REQUIRED) Platform platform,
		@Schema(description = "How Kubernetes gets onto the node (default sysext)") Install install,
		@Schema(description = "CPU architecture of the nodes (default x86-64)") Architecture architecture,
		@Schema(description = "Butane flatcar variant version (default 1.0.0, which gives Ignition 3.3.0)") ButaneVersion butaneVersion,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) ControlPlaneEndpoint controlPlaneEndpoint,
		ApiServer apiServer, ControllerManager controllerManager,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Networking networking,
		@Schema(description = "external runs the kubelet with --cloud-provider=external (a cloud controller manager must then initialise nodes); default none") CloudProvider cloudProvider,
		@Schema(description = "Kubelet volume plugin directory; /usr is read-only on Flatcar",
				example = ClusterDefaults.VOLUME_PLUGIN_DIR) String volumePluginDir,
		Ssh ssh,
		@Schema(description = "Node groups; the three default groups (bootstrap, control-plane, workers) when omitted") List<NodeGroup> nodeGroups,
		@Schema(description = "Named machines with static addresses (required on metal)") List<StaticNode> nodes,
		@Schema(description = "With install sysext, let systemd-sysupdate.timer install the Kubernetes patch releases of the cluster's minor version by itself and flag /run/reboot-required for a reboot coordinator (default false)") Boolean patchUpdates,
		@Schema(description = "KubeletConfiguration (kubelet.config.k8s.io/v1beta1) fields every node's kubelet runs with: kubeadm init uploads them as the cluster's kubelet-config ConfigMap, which every joining node downloads. Not for secrets: GET shows them") Map<String, Object> kubelet,
		Scheduler scheduler, Etcd etcd,
		@Schema(description = "kubeadm's own feature gates (ClusterConfiguration featureGates), name to on or off") Map<String, Boolean> featureGates,
		@Schema(description = "The registry the control-plane images are pulled from instead of registry.k8s.io",
				example = "registry.example.com/k8s") String imageRepository,
		KubeProxy kubeProxy, @ArraySchema(arraySchema = @Schema(description = SnippetSchema.DESCRIPTION),
				schema = @Schema(implementation = SnippetSchema.class)) List<JsonNode> snippets) {

	/** A definition without kubelet settings, kubeadm options or snippets. */
	public ClusterDefinition(String name, String kubernetesVersion, KubeadmApiVersion kubeadmApiVersion,
			Platform platform, Install install, Architecture architecture, ButaneVersion butaneVersion,
			ControlPlaneEndpoint controlPlaneEndpoint, ApiServer apiServer, ControllerManager controllerManager,
			Networking networking, CloudProvider cloudProvider, String volumePluginDir, Ssh ssh,
			List<NodeGroup> nodeGroups, List<StaticNode> nodes, Boolean patchUpdates) {
		this(name, kubernetesVersion, kubeadmApiVersion, platform, install, architecture, butaneVersion,
				controlPlaneEndpoint, apiServer, controllerManager, networking, cloudProvider, volumePluginDir, ssh,
				nodeGroups, nodes, patchUpdates, null, null, null, null, null, null, null);
	}

}

package dev.stoker.definition;

import java.util.List;
import java.util.Map;

import dev.stoker.net.IpFamily;

/**
 * Fills the optional fields of a valid definition, so that the stored definition (and
 * what GET answers) spells out everything the renderer will use. Defaults are resolved
 * once, at write time: a later change of a default never changes the documents of a
 * cluster that is already stored.
 */
public final class ClusterDefaults {

	/** kubelet's default lives under /usr, which is read-only on Flatcar. */
	public static final String VOLUME_PLUGIN_DIR = "/opt/libexec/kubernetes/kubelet-plugins/volume/exec/";

	public static final int API_SERVER_PORT = 6443;

	public static final String DNS_DOMAIN = "cluster.local";

	public static final String SSH_USER = "core";

	/** The three groups a cluster gets when it names none. */
	public static final List<NodeGroup> NODE_GROUPS = List.of(
			new NodeGroup("bootstrap", NodeRole.BOOTSTRAP, null, null),
			new NodeGroup("control-plane", NodeRole.CONTROL_PLANE, null, null),
			new NodeGroup("workers", NodeRole.WORKER, null, null));

	private ClusterDefaults() {
	}

	public static ClusterDefinition apply(ClusterDefinition d) {
		ControlPlaneEndpoint endpoint = d.controlPlaneEndpoint();
		Networking net = d.networking();
		Ssh ssh = d.ssh() == null ? new Ssh(null, null) : d.ssh();
		ApiServer apiServer = d.apiServer() == null ? new ApiServer(null, null) : d.apiServer();
		ControllerManager controllerManager = d.controllerManager() == null ? new ControllerManager(null)
				: d.controllerManager();
		return new ClusterDefinition(d.name(), d.kubernetesVersion(),
				or(d.kubeadmApiVersion(),
						KubeadmApiVersion.forKubernetes(KubernetesVersion.parse(d.kubernetesVersion()))),
				d.platform(), or(d.install(), Install.SYSEXT), or(d.architecture(), Architecture.X86_64),
				or(d.butaneVersion(), ButaneVersion.V1_0_0),
				new ControlPlaneEndpoint(endpoint.host(), or(endpoint.port(), API_SERVER_PORT)),
				new ApiServer(or(apiServer.certSANs(), List.of()), or(apiServer.extraArgs(), Map.of()),
						apiServer.extraVolumes()),
				new ControllerManager(or(controllerManager.extraArgs(), Map.of()), controllerManager.extraVolumes()),
				new Networking(net.podSubnets(), net.serviceSubnets(), or(net.dnsDomain(), DNS_DOMAIN),
						or(net.skipKubeProxy(), false), or(net.addressSource(), addressSource(d)),
						or(net.nodeSubnets(), List.of())),
				or(d.cloudProvider(), CloudProvider.NONE), or(d.volumePluginDir(), VOLUME_PLUGIN_DIR),
				new Ssh(or(ssh.user(), SSH_USER), or(ssh.authorizedKeys(), List.of())),
				(d.nodeGroups() == null ? NODE_GROUPS : d.nodeGroups()).stream().map(ClusterDefaults::apply).toList(),
				or(d.nodes(), List.of()), or(d.patchUpdates(), false), d.kubelet(), d.scheduler(), d.etcd(),
				d.featureGates(), d.imageRepository(), d.kubeProxy(), d.snippets());
	}

	/** The platform's default address source for the definition's families. */
	public static NodeAddressSource addressSource(ClusterDefinition d) {
		List<IpFamily> families = Subnet.parse(d.networking().podSubnets()).stream().map(Subnet::family).toList();
		return NodeAddressSource.defaultFor(d.platform(), families, d.nodes() != null && !d.nodes().isEmpty());
	}

	private static NodeGroup apply(NodeGroup group) {
		// taints stay null when absent: an empty list means "remove
		// kubeadm's default taint".
		return new NodeGroup(group.name(), group.role(), or(group.labels(), Map.of()), group.taints(), group.kubelet(),
				group.kubeletExtraArgs(), group.snippets());
	}

	private static <T> T or(T value, T fallback) {
		return value == null ? fallback : value;
	}

}

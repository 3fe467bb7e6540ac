package dev.stoker.kubeadm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.stoker.definition.CloudProvider;
import dev.stoker.definition.KubeadmOptions;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.Subnet;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.kubeadm.KubeadmDocuments.ApiServer;
import dev.stoker.kubeadm.KubeadmDocuments.BootstrapToken;
import dev.stoker.kubeadm.KubeadmDocuments.BootstrapTokenDiscovery;
import dev.stoker.kubeadm.KubeadmDocuments.ClusterConfiguration;
import dev.stoker.kubeadm.KubeadmDocuments.ControlPlaneComponent;
import dev.stoker.flatcar.NodePaths;
import dev.stoker.json.Mappers;
import dev.stoker.kubeadm.KubeadmDocuments.Discovery;
import dev.stoker.kubeadm.KubeadmDocuments.Etcd;
import dev.stoker.kubeadm.KubeadmDocuments.HostPathMount;
import dev.stoker.kubeadm.KubeadmDocuments.InitConfiguration;
import dev.stoker.kubeadm.KubeadmDocuments.JoinConfiguration;
import dev.stoker.kubeadm.KubeadmDocuments.JoinControlPlane;
import dev.stoker.kubeadm.KubeadmDocuments.KubeProxyConfiguration;
import dev.stoker.kubeadm.KubeadmDocuments.KubeletConfiguration;
import dev.stoker.kubeadm.KubeadmDocuments.LocalApiEndpoint;
import dev.stoker.kubeadm.KubeadmDocuments.LocalEtcd;
import dev.stoker.kubeadm.KubeadmDocuments.Networking;
import dev.stoker.kubeadm.KubeadmDocuments.NodeRegistration;
import dev.stoker.kubeadm.KubeadmDocuments.Patches;
import dev.stoker.kubeadm.KubeadmDocuments.Taint;
import dev.stoker.secrets.KubeadmLifetimes;

/**
 * Builds the kubeadm documents of one node group: the first control plane gets
 * InitConfiguration, ClusterConfiguration and KubeletConfiguration; every other node a
 * JoinConfiguration (with the certificate key only on control planes), which pins the
 * cluster CA.
 */
public final class KubeadmConfigFactory {

	/**
	 * kubeadm's own bootstrap token defaults, spelled out so the token lives as long as
	 * documented.
	 */
	static final String TOKEN_TTL = KubeadmLifetimes.BOOTSTRAP_TOKEN_TTL_TEXT;

	static final List<String> TOKEN_GROUPS = List.of("system:bootstrappers:kubeadm:default-node-token");

	static final List<String> TOKEN_USAGES = List.of("signing", "authentication");

	static final String KUBELET_API_VERSION = "kubelet.config.k8s.io/v1beta1";

	static final String KUBE_PROXY_API_VERSION = "kubeproxy.config.k8s.io/v1alpha1";

	/**
	 * The patch of the kubelet's configuration in {@link NodePaths#KUBEADM_PATCHES}:
	 * kubeadm reads files named target[suffix][+patchtype].extension, here the
	 * kubeletconfiguration target as a JSON merge patch (kubeadm init --patches).
	 */
	public static final String KUBELET_PATCH_FILE = "kubeletconfiguration+merge.json";

	private KubeadmConfigFactory() {
	}

	public static List<Object> documents(ValidCluster cluster, ValidGroup group, NodeAddresses addresses,
			JoinSecrets secrets) {
		String apiVersion = KubeadmDocuments.GROUP + cluster.kubeadmApiVersion().wireName();
		NodeRegistration registration = new NodeRegistration(kubeletArgs(cluster, group, addresses), taints(group));
		Patches patches = kubeletPatch(group).isPresent() ? new Patches(NodePaths.KUBEADM_PATCHES) : null;
		LocalApiEndpoint advertise = addresses.advertiseAddress() == null || group.role() == NodeRole.WORKER ? null
				: new LocalApiEndpoint(addresses.advertiseAddress());
		if (group.role() == NodeRole.BOOTSTRAP) {
			List<Object> documents = new ArrayList<>();
			documents.add(new InitConfiguration(apiVersion, "InitConfiguration",
					List.of(new BootstrapToken(secrets.bootstrapToken(), TOKEN_TTL, TOKEN_GROUPS, TOKEN_USAGES)),
					registration, advertise, secrets.certificateKey(),
					cluster.networking().skipKubeProxy() ? List.of("addon/kube-proxy") : null, patches));
			documents.add(clusterConfiguration(cluster, apiVersion));
			documents.add(new KubeletConfiguration(KUBELET_API_VERSION, "KubeletConfiguration", "systemd",
					cluster.options().kubelet()));
			cluster.options()
				.kubeProxyMode()
				.filter(mode -> !cluster.networking().skipKubeProxy())
				.ifPresent(mode -> documents.add(
						new KubeProxyConfiguration(KUBE_PROXY_API_VERSION, "KubeProxyConfiguration", mode.wireName())));
			return List.copyOf(documents);
		}
		Discovery discovery = new Discovery(new BootstrapTokenDiscovery(cluster.controlPlaneEndpoint().hostPort(),
				secrets.bootstrapToken(), List.of(secrets.caCertHash())));
		JoinControlPlane controlPlane = group.role() == NodeRole.CONTROL_PLANE
				? new JoinControlPlane(advertise, secrets.certificateKey()) : null;
		return List
			.of(new JoinConfiguration(apiVersion, "JoinConfiguration", discovery, registration, controlPlane, patches));
	}

	/**
	 * The group's own kubelet settings as a JSON merge patch (RFC 7386) of the kubelet's
	 * configuration, for {@link NodePaths#KUBEADM_PATCHES}; empty when the group has
	 * none. kubeadm init uploads the cluster's KubeletConfiguration as the kubelet-config
	 * ConfigMap, and kubeadm join takes the kubelet's configuration from that ConfigMap
	 * (a KubeletConfiguration document given to join is ignored); both then apply the
	 * kubeletconfiguration patches of patches.directory before writing the node's
	 * /var/lib/kubelet/config.yaml (kubernetes/kubernetes pull request 110405), so a
	 * group's fields reach its nodes alone. A merge patch replaces the fields it names,
	 * merges mappings key by key and replaces lists, the same whatever Go type the field
	 * has, which a strategic merge would make depend on the kubelet's struct tags.
	 */
	public static Optional<String> kubeletPatch(ValidGroup group) {
		return group.kubelet().isEmpty() ? Optional.empty()
				: Optional.of(Mappers.json().writeValueAsString(group.kubelet()) + "\n");
	}

	private static ClusterConfiguration clusterConfiguration(ValidCluster cluster, String apiVersion) {
		KubeadmOptions options = cluster.options();
		ExtraArgs apiServerArgs = args(cluster, cluster.apiServer().extraArgs());
		List<String> sans = cluster.apiServer().certSANs().isEmpty() ? null : cluster.apiServer().certSANs();
		List<HostPathMount> apiServerVolumes = volumes(options.apiServerVolumes());
		ExtraArgs schedulerArgs = args(cluster, options.schedulerArgs());
		ExtraArgs etcdArgs = args(cluster, options.etcdArgs());
		return new ClusterConfiguration(apiVersion, "ClusterConfiguration", cluster.name(),
				cluster.kubernetesVersion().toString(), cluster.controlPlaneEndpoint().hostPort(),
				sans == null && apiServerArgs == null && apiServerVolumes == null ? null
						: new ApiServer(sans, apiServerArgs, apiServerVolumes),
				component(args(cluster, cluster.controllerManagerArgs()), volumes(options.controllerManagerVolumes())),
				component(schedulerArgs, null),
				options.etcdDataDir().isEmpty() && etcdArgs == null ? null
						: new Etcd(new LocalEtcd(options.etcdDataDir().orElse(null), etcdArgs)),
				new Networking(joined(cluster.networking().podSubnets()), joined(cluster.networking().serviceSubnets()),
						cluster.networking().dnsDomain()),
				options.imageRepository().orElse(null),
				options.featureGates().isEmpty() ? null : options.featureGates());
	}

	private static ControlPlaneComponent component(ExtraArgs args, List<HostPathMount> volumes) {
		return args == null && volumes == null ? null : new ControlPlaneComponent(args, volumes);
	}

	private static List<HostPathMount> volumes(List<dev.stoker.definition.HostPathMount> volumes) {
		return volumes.isEmpty() ? null
				: volumes.stream()
					.map(v -> new HostPathMount(v.name(), v.hostPath(), v.mountPath(),
							Boolean.TRUE.equals(v.readOnly()) ? true : null,
							v.pathType() == null ? null : v.pathType().wireName()))
					.toList();
	}

	private static ExtraArgs kubeletArgs(ValidCluster cluster, ValidGroup group, NodeAddresses addresses) {
		Map<String, String> args = new LinkedHashMap<>();
		args.put("node-ip", addresses.nodeIp());
		args.put("volume-plugin-dir", cluster.volumePluginDir());
		if (cluster.cloudProvider() == CloudProvider.EXTERNAL) {
			args.put("cloud-provider", "external");
		}
		if (!group.labels().isEmpty()) {
			args.put("node-labels",
					group.labels()
						.entrySet()
						.stream()
						.map(label -> label.getKey() + "=" + label.getValue())
						.collect(Collectors.joining(",")));
		}
		// validation refused the flags Stoker writes above
		args.putAll(group.kubeletExtraArgs());
		return new ExtraArgs(cluster.kubeadmApiVersion(), args);
	}

	/**
	 * Null (kubeadm's default taints) when the definition has no taints key; [] removes
	 * them.
	 */
	private static List<Taint> taints(ValidGroup group) {
		return group.taints()
			.map((taints) -> taints.stream().map(t -> new Taint(t.key(), t.value(), t.effect().wireName())).toList())
			.orElse(null);
	}

	private static ExtraArgs args(ValidCluster cluster, Map<String, String> args) {
		return args.isEmpty() ? null : new ExtraArgs(cluster.kubeadmApiVersion(), args);
	}

	/** Dual-stack ranges are one comma-separated value in kubeadm's networking fields. */
	private static String joined(List<Subnet> subnets) {
		return subnets.stream().map(Subnet::text).collect(Collectors.joining(","));
	}

}

package dev.stoker.kubeadm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.stoker.definition.CloudProvider;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.Subnet;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.kubeadm.KubeadmDocuments.ApiServer;
import dev.stoker.kubeadm.KubeadmDocuments.BootstrapToken;
import dev.stoker.kubeadm.KubeadmDocuments.BootstrapTokenDiscovery;
import dev.stoker.kubeadm.KubeadmDocuments.ClusterConfiguration;
import dev.stoker.kubeadm.KubeadmDocuments.ControlPlaneComponent;
import dev.stoker.kubeadm.KubeadmDocuments.Discovery;
import dev.stoker.kubeadm.KubeadmDocuments.InitConfiguration;
import dev.stoker.kubeadm.KubeadmDocuments.JoinConfiguration;
import dev.stoker.kubeadm.KubeadmDocuments.JoinControlPlane;
import dev.stoker.kubeadm.KubeadmDocuments.KubeletConfiguration;
import dev.stoker.kubeadm.KubeadmDocuments.LocalApiEndpoint;
import dev.stoker.kubeadm.KubeadmDocuments.Networking;
import dev.stoker.kubeadm.KubeadmDocuments.NodeRegistration;
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

	private KubeadmConfigFactory() {
	}

	public static List<Object> documents(ValidCluster cluster, ValidGroup group, NodeAddresses addresses,
			JoinSecrets secrets) {
		String apiVersion = KubeadmDocuments.GROUP + cluster.kubeadmApiVersion().wireName();
		NodeRegistration registration = new NodeRegistration(kubeletArgs(cluster, group, addresses), taints(group));
		LocalApiEndpoint advertise = addresses.advertiseAddress() == null || group.role() == NodeRole.WORKER ? null
				: new LocalApiEndpoint(addresses.advertiseAddress());
		if (group.role() == NodeRole.BOOTSTRAP) {
			List<Object> documents = new ArrayList<>();
			documents.add(new InitConfiguration(apiVersion, "InitConfiguration",
					List.of(new BootstrapToken(secrets.bootstrapToken(), TOKEN_TTL, TOKEN_GROUPS, TOKEN_USAGES)),
					registration, advertise, secrets.certificateKey(),
					cluster.networking().skipKubeProxy() ? List.of("addon/kube-proxy") : null));
			documents.add(clusterConfiguration(cluster, apiVersion));
			documents.add(new KubeletConfiguration("kubelet.config.k8s.io/v1beta1", "KubeletConfiguration", "systemd"));
			return List.copyOf(documents);
		}
		Discovery discovery = new Discovery(new BootstrapTokenDiscovery(cluster.controlPlaneEndpoint().hostPort(),
				secrets.bootstrapToken(), List.of(secrets.caCertHash())));
		JoinControlPlane controlPlane = group.role() == NodeRole.CONTROL_PLANE
				? new JoinControlPlane(advertise, secrets.certificateKey()) : null;
		return List.of(new JoinConfiguration(apiVersion, "JoinConfiguration", discovery, registration, controlPlane));
	}

	private static ClusterConfiguration clusterConfiguration(ValidCluster cluster, String apiVersion) {
		ExtraArgs apiServerArgs = args(cluster, cluster.apiServer().extraArgs());
		List<String> sans = cluster.apiServer().certSANs().isEmpty() ? null : cluster.apiServer().certSANs();
		ExtraArgs controllerManagerArgs = args(cluster, cluster.controllerManagerArgs());
		return new ClusterConfiguration(apiVersion, "ClusterConfiguration", cluster.name(),
				cluster.kubernetesVersion().toString(), cluster.controlPlaneEndpoint().hostPort(),
				sans == null && apiServerArgs == null ? null : new ApiServer(sans, apiServerArgs),
				controllerManagerArgs == null ? null : new ControlPlaneComponent(controllerManagerArgs),
				new Networking(joined(cluster.networking().podSubnets()), joined(cluster.networking().serviceSubnets()),
						cluster.networking().dnsDomain()));
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

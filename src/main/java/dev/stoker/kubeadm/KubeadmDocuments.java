package dev.stoker.kubeadm;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The documents of a kubeadm config file, in the order kubeadm expects them. Each
 * record's component order is the order of its YAML keys; absent values are left out, and
 * empty lists only where they mean something (taints: [] removes kubeadm's default
 * taint).
 */
final class KubeadmDocuments {

	public static final String GROUP = "kubeadm.k8s.io/";

	private KubeadmDocuments() {
	}

	public record InitConfiguration(String apiVersion, String kind, List<BootstrapToken> bootstrapTokens,
			NodeRegistration nodeRegistration, LocalApiEndpoint localAPIEndpoint, String certificateKey,
			List<String> skipPhases, Patches patches) {

		@Override
		public String toString() {
			return "InitConfiguration[apiVersion=" + apiVersion + ", certificateKey=<redacted>]";
		}

	}

	public record ClusterConfiguration(String apiVersion, String kind, String clusterName, String kubernetesVersion,
			String controlPlaneEndpoint, ApiServer apiServer, ControlPlaneComponent controllerManager,
			ControlPlaneComponent scheduler, Etcd etcd, Networking networking, String imageRepository,
			Map<String, Boolean> featureGates) {
	}

	public record JoinConfiguration(String apiVersion, String kind, Discovery discovery,
			NodeRegistration nodeRegistration, JoinControlPlane controlPlane, Patches patches) {
	}

	/**
	 * The kubelet's configuration: the cgroup driver Stoker sets, then the cluster's own
	 * fields in the order written (validation refused any that would name cgroupDriver,
	 * apiVersion or kind again).
	 */
	public record KubeletConfiguration(String apiVersion, String kind, String cgroupDriver,
			@JsonIgnore Map<String, Object> settings) {

		@JsonAnyGetter
		Map<String, Object> fields() {
			return settings;
		}

	}

	/** kube-proxy's configuration, which kubeadm init installs kube-proxy with. */
	public record KubeProxyConfiguration(String apiVersion, String kind, String mode) {
	}

	/** Where kubeadm finds the patches it applies to what it writes. */
	public record Patches(String directory) {
	}

	/** The stacked etcd member every control plane runs. */
	public record Etcd(LocalEtcd local) {
	}

	public record LocalEtcd(String dataDir, ExtraArgs extraArgs) {
	}

	/** A host path mounted into a control-plane pod; readOnly written only when true. */
	public record HostPathMount(String name, String hostPath, String mountPath, Boolean readOnly, String pathType) {
	}

	/**
	 * A bootstrap token as kubeadm creates it at init: for joining nodes, for 24 hours.
	 */
	public record BootstrapToken(String token, String ttl, List<String> groups, List<String> usages) {

		@Override
		public String toString() {
			return "BootstrapToken[token=<redacted>, ttl=" + ttl + "]";
		}

	}

	public record NodeRegistration(ExtraArgs kubeletExtraArgs,
			@JsonInclude(JsonInclude.Include.NON_NULL) List<Taint> taints) {
	}

	public record Taint(String key, String value, String effect) {
	}

	public record LocalApiEndpoint(String advertiseAddress) {
	}

	public record ApiServer(List<String> certSANs, ExtraArgs extraArgs, List<HostPathMount> extraVolumes) {
	}

	public record ControlPlaneComponent(ExtraArgs extraArgs, List<HostPathMount> extraVolumes) {
	}

	public record Networking(String podSubnet, String serviceSubnet, String dnsDomain) {
	}

	public record Discovery(BootstrapTokenDiscovery bootstrapToken) {
	}

	public record BootstrapTokenDiscovery(String apiServerEndpoint, String token, List<String> caCertHashes) {

		@Override
		public String toString() {
			return "BootstrapTokenDiscovery[apiServerEndpoint=" + apiServerEndpoint + ", token=<redacted>]";
		}

	}

	public record JoinControlPlane(LocalApiEndpoint localAPIEndpoint, String certificateKey) {

		@Override
		public String toString() {
			return "JoinControlPlane[localAPIEndpoint=" + localAPIEndpoint + ", certificateKey=<redacted>]";
		}

	}

}

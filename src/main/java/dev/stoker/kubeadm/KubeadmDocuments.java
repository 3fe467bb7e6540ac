package dev.stoker.kubeadm;

import java.util.List;

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
			List<String> skipPhases) {

		@Override
		public String toString() {
			return "InitConfiguration[apiVersion=" + apiVersion + ", certificateKey=<redacted>]";
		}

	}

	public record ClusterConfiguration(String apiVersion, String kind, String clusterName, String kubernetesVersion,
			String controlPlaneEndpoint, ApiServer apiServer, ControlPlaneComponent controllerManager,
			Networking networking) {
	}

	public record JoinConfiguration(String apiVersion, String kind, Discovery discovery,
			NodeRegistration nodeRegistration, JoinControlPlane controlPlane) {
	}

	public record KubeletConfiguration(String apiVersion, String kind, String cgroupDriver) {
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

	public record ApiServer(List<String> certSANs, ExtraArgs extraArgs) {
	}

	public record ControlPlaneComponent(ExtraArgs extraArgs) {
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

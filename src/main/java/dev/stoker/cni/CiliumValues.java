package dev.stoker.cni;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.stoker.definition.ClusterNetwork;
import dev.stoker.definition.ValidCluster;
import dev.stoker.net.IpFamily;

/**
 * Helm values for the Cilium chart that follow a cluster definition, and nothing else:
 * every other value keeps the chart's default. Absent values are left out of the answer.
 * <p>
 * The keys are those of the chart's {@code install/kubernetes/cilium/values.yaml}
 * (github.com/cilium/cilium); Cilium's documentation for each is named where it is set.
 *
 * @param ipv4 IPv4 on or off, as the pod subnets have an IPv4 range
 * @param ipv6 IPv6 on or off, as the pod subnets have an IPv6 range
 * @param kubeProxyReplacement whether Cilium's eBPF service handling replaces kube-proxy,
 * which the cluster runs unless {@code networking.skipKubeProxy}
 * @param k8sServiceHost the host of the control-plane endpoint
 * @param k8sServicePort the port of the control-plane endpoint
 * @param ipam Kubernetes host-scope IPAM: each node's pod ranges are the ones
 * kube-controller-manager gives its Node object from the pod subnets
 * @param k8s that the agent waits for those ranges, per family
 * @param underlayProtocol the address family the tunnels between nodes run over, set only
 * where the default (IPv4) cannot work: a cluster without IPv4
 */
@Schema(description = "Helm values for the Cilium chart, derived from the cluster definition")
record CiliumValues(Toggle ipv4, Toggle ipv6, boolean kubeProxyReplacement, String k8sServiceHost, int k8sServicePort,
		Ipam ipam, K8s k8s, @Schema(description = "ipv6 in a cluster without IPv4; left out (IPv4) otherwise",
				allowableValues = "ipv6") String underlayProtocol) {

	/**
	 * Kubernetes host-scope IPAM: "the Kubernetes host-scope IPAM mode is enabled with
	 * ipam: kubernetes and delegates the address allocation to each individual node in
	 * the cluster", from the PodCIDR(s) of its Node
	 * (docs.cilium.io/en/stable/network/concepts/ipam/kubernetes/). kubeadm makes
	 * kube-controller-manager allocate those from the pod subnets (--allocate-node-cidrs
	 * with --cluster-cidr, set from networking.podSubnet).
	 */
	static final String KUBERNETES_IPAM = "kubernetes";

	static CiliumValues of(ValidCluster cluster) {
		ClusterNetwork networking = cluster.networking();
		boolean ipv4 = cluster.families().contains(IpFamily.IPV4);
		boolean ipv6 = cluster.families().contains(IpFamily.IPV6);
		return new CiliumValues(new Toggle(ipv4), new Toggle(ipv6),
				// Kubernetes without kube-proxy: kubeProxyReplacement=true, valid options
				// "true" or "false"
				// (docs.cilium.io/en/stable/network/kubernetes/kubeproxy-free/)
				networking.skipKubeProxy(),
				// Without kube-proxy nothing routes the kubernetes Service's address to
				// the
				// API server until Cilium runs, so the agents must be told where it is
				// (same page: "k8sServiceHost=${API_SERVER_IP} k8sServicePort=..."). With
				// kube-proxy it spares the agents a wait for kube-proxy's rules.
				cluster.controlPlaneEndpoint().host(), cluster.controlPlaneEndpoint().port(), new Ipam(KUBERNETES_IPAM),
				// k8s.requireIPv4PodCIDR / requireIPv6PodCIDR: "enables waiting for
				// Kubernetes to provide the PodCIDR range via the Kubernetes node
				// resource"
				// (the chart's values.yaml), rather than starting without one
				new K8s(ipv4 ? Boolean.TRUE : null, ipv6 ? Boolean.TRUE : null),
				// Tunnels run over IPv4 unless told otherwise; an IPv6 underlay exists
				// from Cilium 1.18 ("You'll need to disable IPv4 support and enable
				// underlayProtocol=ipv6", cilium/cilium#17240; --underlay-protocol,
				// cilium/cilium#38523 and #38296), which 1.18 supports in IPv6-only
				// clusters only (cilium/cilium#40470)
				ipv4 ? null : "ipv6");
	}

	/** A chart value of the form {@code {enabled: …}}. */
	@Schema(name = "CiliumToggle")
	record Toggle(boolean enabled) {
	}

	@Schema(name = "CiliumIpam")
	record Ipam(@Schema(allowableValues = KUBERNETES_IPAM) String mode) {
	}

	/**
	 * Each family's wait for the Node's PodCIDR; a family the cluster does not have is
	 * left at the chart's default (false).
	 */
	@Schema(name = "CiliumK8s")
	record K8s(Boolean requireIPv4PodCIDR, Boolean requireIPv6PodCIDR) {
	}

}

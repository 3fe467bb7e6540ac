package dev.stoker.kubeadm;

/**
 * How a node's kubelet and API server name the node's addresses: either Afterburn
 * variables that the host substitutes at boot
 * ({@code $COREOS_EC2_IPV4_LOCAL,$COREOS_EC2_IPV6}) or a static node's literal addresses.
 *
 * @param nodeIp the kubelet's node-ip: one address per cluster family, primary family
 * first
 * @param advertiseAddress the API server's advertise address on control planes of an
 * IPv6-first cluster (kube-apiserver refuses one whose family differs from the first
 * service range's), or null to let kubeadm pick the default route's IPv4 address
 */
public record NodeAddresses(String nodeIp, String advertiseAddress) {
}

package dev.stoker.definition;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * kube-proxy settings, when kubeadm installs kube-proxy (networking.skipKubeProxy false).
 */
public record KubeProxy(@Schema(
		description = "Proxy mode: iptables, ipvs, or nftables (from v1.31); left out, kube-proxy's default (iptables)") KubeProxyMode mode) {
}

package dev.stoker.definition;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Pod and service ranges; two entries make the cluster dual-stack, the first one's family
 * is primary.
 */
public record Networking(
		@Schema(description = "1 or 2 CIDRs (one IPv4, one IPv6); the first is the primary family",
				example = "[\"10.244.0.0/16\", \"fd00:10:244::/56\"]",
				requiredMode = Schema.RequiredMode.REQUIRED) List<String> podSubnets,
		@Schema(description = "1 or 2 CIDRs in the same family order as podSubnets",
				example = "[\"10.96.0.0/16\", \"fd00:10:96::/112\"]",
				requiredMode = Schema.RequiredMode.REQUIRED) List<String> serviceSubnets,
		@Schema(description = "Cluster DNS domain (default cluster.local)") String dnsDomain,
		@Schema(description = "Skip kubeadm's kube-proxy addon (default false)") Boolean skipKubeProxy,
		@Schema(description = "Where group machines learn their addresses: afterburn, mixed (IPv4 from Afterburn, IPv6 from the interfaces), interfaces or nodes; default by platform") NodeAddressSource addressSource,
		@Schema(description = "CIDRs the node addresses found on interfaces must lie in; without one for a family, the interface of that family's default route is used",
				example = "[\"10.0.0.0/16\"]") List<String> nodeSubnets) {
}

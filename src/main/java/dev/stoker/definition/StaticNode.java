package dev.stoker.definition;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A named machine whose addresses are known in advance, so its document needs no metadata
 * service.
 */
public record StaticNode(
		@Schema(description = "DNS-1123 label; also the node's hostname",
				requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(description = "Name of the node group it belongs to",
				requiredMode = Schema.RequiredMode.REQUIRED) String group,
		@Schema(description = "IPv4 address, required when the cluster has an IPv4 family") String ipv4,
		@Schema(description = "IPv6 address, required when the cluster has an IPv6 family") String ipv6) {
}

package dev.stoker.definition;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

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
		@Schema(description = "IPv6 address, required when the cluster has an IPv6 family") String ipv6,
		@ArraySchema(arraySchema = @Schema(description = SnippetSchema.DESCRIPTION),
				schema = @Schema(implementation = SnippetSchema.class)) List<JsonNode> snippets) {

	public StaticNode(String name, String group, String ipv4, String ipv6) {
		this(name, group, ipv4, ipv6, null);
	}

}

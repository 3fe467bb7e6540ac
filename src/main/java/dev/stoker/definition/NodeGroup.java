package dev.stoker.definition;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * Machines that share one rendered document. {@code taints} is null when the definition
 * does not have the key (kubeadm's default then applies) and empty when the operator
 * removed every taint.
 */
public record NodeGroup(
		@Schema(description = "DNS-1123 label, unique in the cluster",
				requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) NodeRole role,
		@Schema(description = "Node labels the kubelet registers the node with") Map<String, String> labels,
		@Schema(description = "Node taints; omit to keep kubeadm's default, [] to remove it") List<Taint> taints,
		@ArraySchema(arraySchema = @Schema(description = SnippetSchema.DESCRIPTION),
				schema = @Schema(implementation = SnippetSchema.class)) List<JsonNode> snippets) {

	public NodeGroup(String name, NodeRole role, Map<String, String> labels, List<Taint> taints) {
		this(name, role, labels, taints, null);
	}

}

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
		@Schema(description = "KubeletConfiguration fields for this group's nodes only, over the cluster's: a kubeadm patch on each node. Not for secrets: GET shows them") Map<String, Object> kubelet,
		@Schema(description = "Extra kubelet flags of this group's nodes, name without leading dashes to value") Map<String, String> kubeletExtraArgs,
		@ArraySchema(arraySchema = @Schema(description = SnippetSchema.DESCRIPTION),
				schema = @Schema(implementation = SnippetSchema.class)) List<JsonNode> snippets) {

	/** A group without kubelet settings or snippets of its own. */
	public NodeGroup(String name, NodeRole role, Map<String, String> labels, List<Taint> taints) {
		this(name, role, labels, taints, null, null, null);
	}

	/** A group with kubelet settings and no snippets. */
	public NodeGroup(String name, NodeRole role, Map<String, String> labels, List<Taint> taints,
			Map<String, Object> kubelet, Map<String, String> kubeletExtraArgs) {
		this(name, role, labels, taints, kubelet, kubeletExtraArgs, null);
	}

	/** A group with snippets and no kubelet settings. */
	public NodeGroup(String name, NodeRole role, Map<String, String> labels, List<Taint> taints,
			List<JsonNode> snippets) {
		this(name, role, labels, taints, null, null, snippets);
	}

}

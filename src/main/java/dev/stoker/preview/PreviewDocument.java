package dev.stoker.preview;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/** One document a candidate definition would serve, secrets redacted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A document the candidate would serve, every secret replaced by a placeholder")
record PreviewDocument(
		@Schema(description = "The node group, the static node's group for a node's document",
				example = "workers") String group,
		@Schema(description = "The static node, for a node's document") String node,
		@Schema(description = "butane, ignition or kubeadm", example = "butane") String document,
		@Schema(description = "The document as it would be served, with placeholders for its secrets; absent for a"
				+ " document the current revision serves and the candidate would not") String content,
		@Schema(description = "Unified diff from what the current revision serves; empty when the same, absent for"
				+ " a cluster that does not exist yet") String diff) {

}

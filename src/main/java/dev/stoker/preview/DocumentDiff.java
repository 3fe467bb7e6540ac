package dev.stoker.preview;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/** How one document differs between two definitions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "How one document differs, secrets redacted")
record DocumentDiff(
		@Schema(description = "The node group, the static node's group for a node's document",
				example = "workers") String group,
		@Schema(description = "The static node, for a node's document") String node,
		@Schema(description = "butane, ignition or kubeadm", example = "butane") String document,
		@Schema(description = "Unified diff; Ignition is compared pretty-printed, one JSON value a line; /dev/null"
				+ " names a side that has no such document") String diff) {

}

package dev.stoker.cluster;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.stoker.definition.ClusterDefinition;

/**
 * A stored definition as create and replace answer it: the definition itself, plus the
 * fetch tokens of the node groups that have just been given one.
 */
@Schema(description = "The stored definition, with the fetch token of each node group it added")
record ClusterWithFetchTokens(@JsonUnwrapped ClusterDefinition definition,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
				description = "Node group name to its fetch token, for the groups this request created. Answered once: "
						+ "later only through rotation or the user-data pointer.",
				example = "{\"workers\": \"stf.k3v9q0a1b2c3.<43 characters>\"}") Map<String, String> fetchTokens) {

	@Override
	public String toString() {
		return "ClusterWithFetchTokens[" + definition.name() + ", fetchTokens=<redacted>]";
	}

}

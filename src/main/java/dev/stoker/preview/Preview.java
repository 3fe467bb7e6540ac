package dev.stoker.preview;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.stoker.definition.ClusterDefinition;

/** What a candidate definition would store and serve. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "What the candidate definition would store and serve; nothing was stored")
record Preview(@Schema(example = "prod-use1") String cluster,
		@Schema(description = "The revision the diffs are against; absent for a cluster that does not exist yet",
				example = "3") Long currentRevision,
		@Schema(description = "The definition as it would be stored, defaults filled in") ClusterDefinition definition,
		@Schema(description = "Unified diff of the stored definition (as YAML) to the candidate; absent for a"
				+ " cluster that does not exist yet") String definitionDiff,
		List<PreviewDocument> documents) {

}

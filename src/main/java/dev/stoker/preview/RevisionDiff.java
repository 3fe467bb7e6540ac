package dev.stoker.preview;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** How two revisions of a cluster differ. */
@Schema(description = "How two revisions differ, secrets redacted")
record RevisionDiff(@Schema(example = "prod-use1") String cluster,
		@Schema(description = "The older side, the a/ of the diffs", example = "2") long from,
		@Schema(description = "The newer side, the b/ of the diffs", example = "3") long to,
		@Schema(description = "Unified diff of the definitions, as YAML; empty when the same") String definition,
		@Schema(description = "The documents that differ; a rotation changes only secrets, which are redacted,"
				+ " so none") List<DocumentDiff> documents) {

}

package dev.stoker.preview;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.stoker.cluster.Revision;

/** One revision in a cluster's history listing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A revision of the definition: when, what and who wrote it")
record RevisionSummary(
		@Schema(description = "The revision, as the ETag named it; pass the last one seen as 'before' for the next"
				+ " page", example = "3") long revision,
		@Schema(description = "When it was stored (UTC)") Instant time,
		@Schema(description = "create, replace, rotate-secrets, rotate-keeper-credential or rotate-report-credential; absent for the revision a"
				+ " cluster had when Stoker began keeping history", example = "replace") String change,
		@Schema(description = "Who wrote it: admin", example = "admin") String credentialKind,
		@Schema(description = "The credential's public id (never the credential); absent for the admin token") String credentialId,
		@Schema(description = "The X-Request-Id of the write") String requestId) {

	static RevisionSummary of(Revision revision) {
		return new RevisionSummary(revision.revision(), revision.time(), revision.change(), revision.credentialKind(),
				revision.credentialId(), revision.requestId());
	}

}

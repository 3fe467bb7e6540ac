package dev.stoker.cluster;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.stoker.secrets.ReportToken;

/** A node group's new report credential and the revision its documents now have. */
@Schema(name = "RotatedReportCredential",
		description = "The new report credential; the previous one opens nothing any more")
public record RotatedReportCredential(
		@Schema(description = "The cluster's new revision: the group's documents carry the new credential",
				example = "6") long revision,
		@Schema(description = "Machines booted before this report with the previous one, which is refused: write this"
				+ " to /etc/stoker/report-credential (mode 0600) on those still joining",
				example = "str.p7x2m4q9z1b3.<43 characters>") String reportCredential) {

	RotatedReportCredential(long revision, ReportToken credential) {
		this(revision, credential.value());
	}

	@Override
	public String toString() {
		return "RotatedReportCredential[revision=" + revision + ", <redacted>]";
	}

}

package dev.stoker.cluster;

import java.time.Instant;

import dev.stoker.definition.ClusterDefinition;

/**
 * One revision of a cluster as its history keeps it.
 *
 * @param revision the revision, as the ETag named it
 * @param time when it was written
 * @param change what wrote it: {@code create}, {@code replace}, {@code rotate-secrets},
 * {@code rotate-keeper-credential} or {@code rotate-report-credential}; null for the
 * revision a cluster had when the history began
 * @param credentialKind who wrote it, as the audit log names callers; null when not known
 * @param credentialId the credential's public id; null for the admin token and when not
 * known
 * @param requestId the request that wrote it; null when not known
 * @param definition the definition of this revision
 */
public record Revision(long revision, Instant time, String change, String credentialKind, String credentialId,
		String requestId, ClusterDefinition definition) {

	/** What wrote a revision. */
	enum Change {

		CREATE("create"), REPLACE("replace"), ROTATE_SECRETS("rotate-secrets"),
		ROTATE_KEEPER_CREDENTIAL("rotate-keeper-credential"), ROTATE_REPORT_CREDENTIAL("rotate-report-credential");

		private final String value;

		Change(String value) {
			this.value = value;
		}

		String value() {
			return value;
		}

	}

}

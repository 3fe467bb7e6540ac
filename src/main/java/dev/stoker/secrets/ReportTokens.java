package dev.stoker.secrets;

import java.util.Collection;
import java.util.Optional;

/**
 * The report credential of every node group, by cluster and group name. It is kept in the
 * group's fetch-token row, so it is made and dropped with the group's fetch token. Each
 * call joins the caller's transaction. Writes throw {@link StaleMasterKeyException} (a
 * 503) when the store is no longer under this instance's master key.
 */
public interface ReportTokens {

	/**
	 * Gives each listed group that has a fetch token but no report credential one (a
	 * group stored before there were reports gets its first one here); answers how many
	 * were made.
	 */
	int issue(String cluster, Collection<String> groups);

	/**
	 * Replaces (or makes) a group's credential; the old one stops opening anything at
	 * once. Empty when the group has no row.
	 */
	Optional<ReportToken> rotate(String cluster, String group);

	/** A group's credential, decrypted, for the documents that carry it. */
	Optional<ReportToken> find(String cluster, String group);

	/**
	 * Whose a presented credential is, if it is a current one; like a fetch token's, one
	 * that matches nothing throws {@link StaleMasterKeyException} when the store is no
	 * longer under this instance's master key.
	 */
	Optional<ReportTokenHolder> authenticate(ReportToken presented);

}

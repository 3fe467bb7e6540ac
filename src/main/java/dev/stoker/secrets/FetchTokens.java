package dev.stoker.secrets;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The fetch token of every node group of every cluster, by cluster name and group name.
 * Each call joins the caller's transaction, so that the tokens change together with the
 * definition that names the groups. Writes throw {@link StaleMasterKeyException} (a 503)
 * when the store is no longer under this instance's master key.
 */
public interface FetchTokens {

	/**
	 * Makes a token for every listed group that has none, and removes the tokens of
	 * groups no longer listed. Answers the new tokens by group name (the only time they
	 * are answered besides rotation and the user-data pointer).
	 */
	Map<String, FetchToken> issue(String cluster, Collection<String> groups);

	/**
	 * Replaces a group's token; the old one stops opening anything at once. Empty when
	 * the group has no token.
	 */
	Optional<FetchToken> rotate(String cluster, String group);

	/** A group's token, decrypted: for the user-data pointer that embeds it. */
	Optional<FetchToken> find(String cluster, String group);

	/**
	 * Whose a presented token is, if it is a current one. A token that matches nothing
	 * throws {@link StaleMasterKeyException} instead of answering empty when the store is
	 * no longer under this instance's master key: its lookup hashes are then another
	 * key's.
	 */
	Optional<FetchTokenHolder> authenticate(FetchToken presented);

}

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

	/**
	 * Like {@link #authenticate}, but answers from memory for a token it verified before,
	 * without asking the store: for a request whose answer checks the token again in the
	 * statement that audits it (a node's document), so that a token rotated on another
	 * replica is refused there. A refusal must ask {@link #stillCurrent}, to answer a
	 * revoked token as one.
	 */
	Optional<FetchTokenHolder> recognize(FetchToken presented);

	/**
	 * Whether the holder's token is still the group's, asked of the store: a token
	 * {@link #recognize} answered from memory may have been rotated on another replica
	 * since. Forgets it when not.
	 */
	boolean stillCurrent(FetchTokenHolder holder);

	/** Forgets what is kept in memory of a token found revoked. */
	void forget(FetchTokenHolder holder);

}

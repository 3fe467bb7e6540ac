package dev.stoker.secrets;

import java.time.Instant;
import java.util.List;

/**
 * The bootstrap tokens rotations replaced, kept encrypted while the keepers still list
 * them. Each call joins the caller's transaction.
 */
public interface RetiredBootstrapTokens {

	/**
	 * Keeps a replaced token listed until {@code until}; forgets the cluster's tokens
	 * whose listing ended more than a day before {@code now}.
	 */
	void retire(String cluster, BootstrapToken token, Instant now, Instant until);

	/** The cluster's replaced tokens still listed at {@code now}, oldest first. */
	List<RetiredBootstrapToken> listed(String cluster, Instant now);

}

package dev.stoker.secrets;

import java.util.Optional;

/**
 * The keeper credential of every cluster, by cluster name: one per cluster, made with the
 * cluster, encrypted under the master key and found again from a presented value by a
 * keyed hash. Each call joins the caller's transaction. Writes throw
 * {@link StaleMasterKeyException} (a 503) when the store is no longer under this
 * instance's master key.
 */
public interface KeeperTokens {

	/** Makes the credential of a cluster whose row has just been inserted. */
	KeeperToken create(String cluster);

	/**
	 * Replaces the cluster's credential, or makes its first one (a cluster stored before
	 * there were keepers has none); the old one stops opening anything at once. Empty
	 * when there is no such cluster.
	 */
	Optional<KeeperToken> rotate(String cluster);

	/**
	 * The cluster's credential, decrypted, for the control-plane documents that carry it;
	 * empty when the cluster has none.
	 */
	Optional<KeeperToken> find(String cluster);

	/**
	 * Whose a presented credential is, if it is a current one. Like a fetch token's, a
	 * credential that matches nothing throws {@link StaleMasterKeyException} when the
	 * store is no longer under this instance's master key.
	 */
	Optional<KeeperTokenHolder> authenticate(KeeperToken presented);

}

package dev.stoker.cluster;

import java.time.Instant;
import java.util.Optional;

import dev.stoker.secrets.BootstrapToken;
import dev.stoker.secrets.KeeperToken;

/**
 * What the join-token keepers need of a cluster's writes: a credential made with the
 * cluster, a replaced bootstrap token kept listed for the grace period, and whether any
 * keeper runs at all. Each call joins the caller's transaction.
 */
interface JoinTokenKeeping {

	/** Makes the keeper credential of a cluster whose row has just been inserted. */
	void create(String cluster);

	/**
	 * Keeps a replaced bootstrap token listed for the grace period; answers until when.
	 */
	Instant retire(String cluster, BootstrapToken previous, Instant now);

	/** When a keeper of the cluster last checked in, if one ever has. */
	Optional<Instant> lastCheckIn(String cluster);

	/** Replaces (or makes) the cluster's keeper credential; empty when there is none. */
	Optional<KeeperToken> rotateCredential(String cluster);

}

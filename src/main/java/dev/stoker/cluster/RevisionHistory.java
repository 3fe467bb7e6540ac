package dev.stoker.cluster;

import java.util.List;
import java.util.Optional;

import dev.stoker.audit.Requester;

/**
 * Every revision of a cluster's definition, newest first, written in the transaction that
 * makes the revision. Only the newest revisions are kept (see {@link HistorySettings}).
 */
interface RevisionHistory {

	/** Keeps the revision a write just stored, and forgets what retention lets go. */
	void record(StoredCluster stored, Revision.Change change, Requester requester);

	/**
	 * A cluster's revisions, newest first: at most {@code limit}, older than
	 * {@code before} when given. Empty when there is no such cluster.
	 */
	Optional<List<Revision>> list(String cluster, Long before, int limit);

	/** One revision, if the cluster has it still. */
	Optional<Revision> find(String cluster, long revision);

}

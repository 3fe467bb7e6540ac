package dev.stoker.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.stoker.definition.ValidCluster;

/**
 * Where cluster definitions live. Revisions start at 1 and grow by one with every
 * replace.
 */
interface ClusterRepository {

	Optional<StoredCluster> find(String name);

	/** The cluster's row id and revision, read without its definition. */
	Optional<ClusterVersion> version(String name);

	/** The cluster, only while it is still at {@code version}. */
	Optional<StoredCluster> findAt(String name, ClusterVersion version);

	/** Every cluster, ordered by name. */
	List<StoredCluster> findAll();

	/**
	 * Stores a new cluster at revision 1; throws {@link ClusterExistsException} when the
	 * name is taken.
	 */
	StoredCluster insert(ValidCluster cluster, Instant now);

	/**
	 * Replaces the definition if the stored revision is still {@code expectedRevision},
	 * and answers the new state; empty when the cluster is gone or was changed in
	 * between.
	 */
	Optional<StoredCluster> replace(ValidCluster cluster, long expectedRevision, Instant now);

	/**
	 * Deletes the cluster if its revision is still {@code expectedRevision}; false
	 * otherwise.
	 */
	boolean delete(String name, long expectedRevision);

}

package dev.stoker.cluster;

import java.time.Instant;

import dev.stoker.definition.ClusterDefinition;
import dev.stoker.definition.ValidCluster;

/**
 * A cluster definition as stored: the definition, its revision (the ETag) and its
 * timestamps.
 */
public record StoredCluster(ValidCluster cluster, long revision, Instant createdAt, Instant updatedAt) {

	public String name() {
		return cluster.name();
	}

	/** The definition as stored and as GET answers it. */
	public ClusterDefinition definition() {
		return cluster.definition();
	}

}

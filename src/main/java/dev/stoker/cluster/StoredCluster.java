package dev.stoker.cluster;

import dev.stoker.definition.ClusterDefinition;
import java.time.Instant;

/**
 * A cluster definition as stored: the definition, its revision (the ETag) and its
 * timestamps.
 */
public record StoredCluster(ClusterDefinition definition, long revision, Instant createdAt, Instant updatedAt) {

	public String name() {
		return definition.name();
	}

}

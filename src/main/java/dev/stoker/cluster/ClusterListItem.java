package dev.stoker.cluster;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.stoker.definition.ClusterDefinition;

/** One entry of the cluster listing: the definition and its revision and timestamps. */
@Schema(description = "A stored cluster definition with its revision")
record ClusterListItem(String name,
		@Schema(description = "The revision, as in the ETag of GET /clusters/{name}") long revision, Instant createdAt,
		Instant updatedAt, ClusterDefinition definition) {

	static ClusterListItem of(StoredCluster cluster) {
		return new ClusterListItem(cluster.name(), cluster.revision(), cluster.createdAt(), cluster.updatedAt(),
				cluster.definition());
	}

}

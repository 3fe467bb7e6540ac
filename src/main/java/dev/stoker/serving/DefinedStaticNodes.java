package dev.stoker.serving;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.stoker.access.StaticNodeGroups;
import dev.stoker.cluster.ClusterService;

/** Static nodes' groups, as their cluster's stored definition names them. */
@Component
class DefinedStaticNodes implements StaticNodeGroups {

	private final ClusterService clusters;

	DefinedStaticNodes(ClusterService clusters) {
		this.clusters = clusters;
	}

	@Override
	public Optional<String> groupOf(String cluster, String node) {
		return clusters.find(cluster)
			.flatMap((stored) -> stored.cluster().node(node))
			.map((found) -> found.group().name());
	}

}

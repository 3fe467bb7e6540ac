package dev.stoker.serving;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.stoker.access.FetchTokenScope;
import dev.stoker.cluster.ClusterService;
import dev.stoker.cluster.StoredCluster;
import dev.stoker.secrets.FetchTokenHolder;
import dev.stoker.serving.DocumentRoutes.DocumentRoute;
import dev.stoker.serving.DocumentTarget.Group;
import dev.stoker.serving.DocumentTarget.Node;

/**
 * What a node group's fetch token opens: GET of its own group's Butane, Ignition and
 * kubeadm config, and of the Butane and Ignition of the static nodes in its group (whose
 * group the stored definition names). Never a user-data pointer, which holds the token:
 * only the admin hands those out.
 */
@Component
class FetchTokenDocuments implements FetchTokenScope {

	private final ClusterService clusters;

	private final RenderCache cache;

	FetchTokenDocuments(ClusterService clusters, RenderCache cache) {
		this.clusters = clusters;
		this.cache = cache;
	}

	@Override
	public boolean opens(FetchTokenHolder holder, String method, String path) {
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return false;
		}
		return DocumentRoutes.parse(path)
			.filter((route) -> route.cluster().equals(holder.cluster()))
			.filter((route) -> opens(holder, route))
			.isPresent();
	}

	private boolean opens(FetchTokenHolder holder, DocumentRoute route) {
		if (route.target() instanceof Group group) {
			return route.format() != DocumentFormat.USER_DATA && group.name().equals(holder.group());
		}
		return (route.format() == DocumentFormat.BUTANE || route.format() == DocumentFormat.IGNITION)
				&& inGroup(holder, (Node) route.target());
	}

	/**
	 * Asked first of the definition this replica last served the cluster from, so that a
	 * static node's fetch reads and parses nothing; only a refusal is asked again of the
	 * store, since a PUT through another replica may have moved the node since. A node
	 * moved out of the group meanwhile is still refused, by {@link NodeDocuments}, which
	 * checks it against the definition it serves from.
	 */
	private boolean inGroup(FetchTokenHolder holder, Node node) {
		return inGroup(cache.lastDefinition(holder.cluster()), holder, node)
				|| inGroup(clusters.find(holder.cluster()), holder, node);
	}

	private static boolean inGroup(Optional<StoredCluster> stored, FetchTokenHolder holder, Node node) {
		return stored.flatMap((found) -> found.cluster().node(node.name()))
			.filter((found) -> found.group().name().equals(holder.group()))
			.isPresent();
	}

}

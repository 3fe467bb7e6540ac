package dev.stoker.serving;

import org.springframework.stereotype.Component;

import dev.stoker.access.FetchTokenScope;
import dev.stoker.cluster.ClusterService;
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

	FetchTokenDocuments(ClusterService clusters) {
		this.clusters = clusters;
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

	private boolean inGroup(FetchTokenHolder holder, Node node) {
		return clusters.find(holder.cluster())
			.flatMap((stored) -> stored.cluster().node(node.name()))
			.filter((found) -> found.group().name().equals(holder.group()))
			.isPresent();
	}

}

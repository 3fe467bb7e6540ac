package dev.stoker.cluster;

import java.util.List;

import dev.stoker.problem.ProblemException;
import dev.stoker.problem.ProblemType;

/**
 * The cluster has no node group, or no static node, of this name (404): one problem type
 * for both, on every path. The names that do exist are told to the admin only, who may
 * read the whole definition anyway; a fetch token learns nothing of groups it does not
 * open.
 */
public class NodeGroupNotFoundException extends ProblemException {

	/** A group that was there when the request began (a PUT removed it meanwhile). */
	public NodeGroupNotFoundException(String name, String group) {
		super(ProblemType.NODE_NOT_FOUND, "Cluster " + name + " has no node group named " + group + ".");
	}

	private NodeGroupNotFoundException(String detail) {
		super(ProblemType.NODE_NOT_FOUND, detail);
	}

	/**
	 * @param existing the cluster's group names, told only when not null (to the admin)
	 */
	public static NodeGroupNotFoundException group(String name, String group, List<String> existing) {
		return new NodeGroupNotFoundException("Cluster " + name + " has no node group named " + group + "."
				+ existing(existing, "node groups", "node groups"));
	}

	/**
	 * @param existing the cluster's static node names, told only when not null (to the
	 * admin)
	 */
	public static NodeGroupNotFoundException staticNode(String name, String node, List<String> existing) {
		return new NodeGroupNotFoundException(
				"Cluster " + name + " has no static node named " + node + "." + existing(existing, "static nodes",
						"static nodes (a group's machines are served by the group's name under node-groups)"));
	}

	private static String existing(List<String> names, String kind, String none) {
		if (names == null) {
			return "";
		}
		return names.isEmpty() ? " It has no " + none + "." : " Its " + kind + ": " + String.join(", ", names) + ".";
	}

}

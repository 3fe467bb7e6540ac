package dev.stoker.cluster;

import dev.stoker.problem.ProblemException;
import dev.stoker.problem.ProblemType;

/** The cluster has no node group of this name (404). */
public class NodeGroupNotFoundException extends ProblemException {

	public NodeGroupNotFoundException(String name, String group) {
		super(ProblemType.NODE_GROUP_NOT_FOUND, "Cluster " + name + " has no node group named " + group + ".");
	}

}

package dev.stoker.cluster;

import dev.stoker.problem.ProblemException;
import dev.stoker.problem.ProblemType;

/** A create named a cluster that already exists (409). */
class ClusterExistsException extends ProblemException {

	public ClusterExistsException(String name) {
		super(ProblemType.CLUSTER_EXISTS,
				"A cluster named " + name + " already exists; replace it with PUT, or choose another name.");
	}

}

package dev.stoker.audit;

import dev.stoker.problem.ProblemException;
import dev.stoker.problem.ProblemType;

/**
 * The cluster was deleted while a request that discloses its secrets was being served:
 * the same 404 a request arriving a moment later gets, never a 5xx that a client would
 * retry or a metric would count as a fault.
 */
public class ClusterGoneException extends ProblemException {

	protected ClusterGoneException(String cluster) {
		super(ProblemType.CLUSTER_NOT_FOUND, "No cluster is named " + cluster + ".");
	}

}

package dev.stoker.cluster;

import dev.stoker.problem.ProblemException;
import dev.stoker.problem.ProblemType;

/**
 * The cluster exists but its history has no such revision (404): it never had it, or
 * retention let it go.
 */
public class RevisionNotFoundException extends ProblemException {

	RevisionNotFoundException(String cluster, long revision, long current) {
		super(ProblemType.REVISION_NOT_FOUND,
				"Cluster " + cluster + " has no revision " + revision + " in its history: its current revision is "
						+ current + ", and only the newest ones are kept (stoker.history.retention); list them at"
						+ " /api/v1/clusters/" + cluster + "/revisions.");
	}

}

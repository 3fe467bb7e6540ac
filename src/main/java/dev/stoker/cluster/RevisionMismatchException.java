package dev.stoker.cluster;

import dev.stoker.problem.ProblemException;
import dev.stoker.problem.ProblemType;

/** If-Match named a revision the cluster is no longer at (412). */
class RevisionMismatchException extends ProblemException {

	public RevisionMismatchException(String name, long current) {
		super(ProblemType.REVISION_MISMATCH, "Cluster " + name + " is at revision " + current
				+ ", not the one If-Match names; GET it again, reapply your change and retry.");
		setProperty("currentRevision", current);
		getHeaders().setETag(Revisions.etag(current));
	}

}

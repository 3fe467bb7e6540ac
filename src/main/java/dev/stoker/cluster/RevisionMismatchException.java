package dev.stoker.cluster;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** If-Match named a revision the cluster is no longer at (412). */
public class RevisionMismatchException extends ErrorResponseException {

	public RevisionMismatchException(String name, long current) {
		super(HttpStatus.PRECONDITION_FAILED, problem(name, current), null);
		getHeaders().setETag(Revisions.etag(current));
	}

	private static ProblemDetail problem(String name, long current) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
				"Cluster " + name + " is at revision " + current
						+ ", not the one If-Match names; GET it again, reapply your change and retry.");
		problem.setType(URI.create("urn:stoker:problem:revision-mismatch"));
		problem.setTitle("Revision mismatch");
		problem.setProperty("currentRevision", current);
		return problem;
	}

}

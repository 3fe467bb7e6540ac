package dev.stoker.audit;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The cluster was deleted while a request that discloses its secrets was being served:
 * the same 404 a request arriving a moment later gets, never a 5xx that a client would
 * retry or a metric would count as a fault.
 */
public class ClusterGoneException extends ErrorResponseException {

	protected ClusterGoneException(String cluster) {
		super(HttpStatus.NOT_FOUND, problem(cluster), null);
	}

	private static ProblemDetail problem(String cluster) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No cluster is named " + cluster + ".");
		problem.setType(URI.create("urn:stoker:problem:cluster-not-found"));
		problem.setTitle("Cluster not found");
		return problem;
	}

}

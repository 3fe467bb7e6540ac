package dev.stoker.cluster;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No cluster has this name (404). */
public class ClusterNotFoundException extends ErrorResponseException {

	public ClusterNotFoundException(String name) {
		super(HttpStatus.NOT_FOUND, problem(name), null);
	}

	private static ProblemDetail problem(String name) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No cluster is named " + name + ".");
		problem.setType(URI.create("urn:stoker:problem:cluster-not-found"));
		problem.setTitle("Cluster not found");
		return problem;
	}

}

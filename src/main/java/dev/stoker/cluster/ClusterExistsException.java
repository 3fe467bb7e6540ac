package dev.stoker.cluster;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A create named a cluster that already exists (409). */
public class ClusterExistsException extends ErrorResponseException {

	public ClusterExistsException(String name) {
		super(HttpStatus.CONFLICT, problem(name), null);
	}

	private static ProblemDetail problem(String name) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"A cluster named " + name + " already exists; replace it with PUT, or choose another name.");
		problem.setType(URI.create("urn:stoker:problem:cluster-exists"));
		problem.setTitle("Cluster exists");
		return problem;
	}

}

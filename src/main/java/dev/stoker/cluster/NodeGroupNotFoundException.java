package dev.stoker.cluster;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The cluster has no node group of this name (404). */
public class NodeGroupNotFoundException extends ErrorResponseException {

	public NodeGroupNotFoundException(String name, String group) {
		super(HttpStatus.NOT_FOUND, problem(name, group), null);
	}

	private static ProblemDetail problem(String name, String group) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"Cluster " + name + " has no node group named " + group + ".");
		problem.setType(URI.create("urn:stoker:problem:node-group-not-found"));
		problem.setTitle("Node group not found");
		return problem;
	}

}

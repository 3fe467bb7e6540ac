package dev.stoker.access;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The fixed answers to a refused request. They echo nothing of it: not the credential,
 * not the path, not whether what was asked for exists.
 */
final class AccessProblems {

	private AccessProblems() {
	}

	static ProblemDetail unauthorized() {
		return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
				"Send the admin token or a node group's fetch token as 'Authorization: Bearer <token>'.");
	}

	static ProblemDetail forbidden() {
		return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"This credential does not open this resource. A fetch token opens its own node group's documents only.");
	}

	static ProblemDetail credentialInUrl() {
		return problem(HttpStatus.BAD_REQUEST, "credential-in-url", "Credential in the URL",
				"Credentials are accepted in the Authorization header only: URLs are logged (by proxies, and by Ignition). "
						+ "Rotate a credential that was sent in a URL.");
	}

	static ProblemDetail unavailable() {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
				"The credential cannot be checked because the database cannot be reached; retry shortly.");
	}

	static ProblemDetail staleMasterKey() {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
				"The credential cannot be checked by this instance, whose master key is no longer the store's; "
						+ "retry shortly.");
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:stoker:problem:" + type));
		problem.setTitle(title);
		return problem;
	}

}

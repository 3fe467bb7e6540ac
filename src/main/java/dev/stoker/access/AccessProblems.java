package dev.stoker.access;

import org.springframework.http.ProblemDetail;

import dev.stoker.problem.ProblemType;

/**
 * The fixed answers to a refused request. They echo nothing of it: not the credential,
 * not the path, not whether what was asked for exists.
 */
final class AccessProblems {

	private AccessProblems() {
	}

	static ProblemDetail unauthorized() {
		return ProblemType.UNAUTHORIZED
			.problem("Send the admin token or a node group's fetch token as 'Authorization: Bearer <token>'.");
	}

	static ProblemDetail forbidden() {
		return ProblemType.FORBIDDEN.problem(
				"This credential does not open this resource. A fetch token opens its own node group's documents only.");
	}

	static ProblemDetail credentialInUrl() {
		return ProblemType.CREDENTIAL_IN_URL.problem(
				"Credentials are accepted in the Authorization header only: URLs are logged (by proxies, and by Ignition). "
						+ "Rotate a credential that was sent in a URL.");
	}

	static ProblemDetail unavailable() {
		return ProblemType.UNAVAILABLE
			.problem("The credential cannot be checked because the database cannot be reached; retry shortly.");
	}

	static ProblemDetail staleMasterKey() {
		return ProblemType.UNAVAILABLE.problem("The credential cannot be checked by this instance, whose master key is "
				+ "no longer the store's; retry shortly.");
	}

}

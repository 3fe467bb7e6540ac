package dev.stoker.problem;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The shape of error answers, for the API description. */
public final class ApiProblems {

	private ApiProblems() {
	}

	/**
	 * Every error answer, with exactly the members Stoker sends: RFC 9457's, and the
	 * extension members of the problem types that carry one. A new extension member goes
	 * here too: the test run checks every problem it sees against this schema.
	 */
	@Schema(name = "Problem", description = "RFC 9457 problem detail; members without a value are left out",
			requiredProperties = { "title", "status" })
	public record Problem(
			@Schema(description = "A URN of Stoker's problem catalog (urn:stoker:problem:…); "
					+ "left out for the HTTP errors that need no more than their status (about:blank)",
					example = "urn:stoker:problem:invalid-definition") String type,
			@Schema(description = "Fixed for the type; for about:blank, the status's reason phrase") String title,
			@Schema(description = "The HTTP status") int status,
			@Schema(description = "What is wrong and how to fix it; never holds what the request sent") String detail,
			@Schema(description = "The request path; left out by the refusals made before a request is routed") String instance,
			@Schema(description = "invalid-definition and invalid-request: every wrong field") List<FieldError> errors,
			@Schema(description = "revision-mismatch: the cluster's current revision") Long currentRevision,
			@Schema(description = "user-data-too-large: the pointer's size in bytes") Integer size,
			@Schema(description = "user-data-too-large: the most EC2 user data holds, in bytes") Integer limit) {
	}

}

package dev.stoker.problem;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The shapes of error answers, for the API description. */
public final class ApiProblems {

	private ApiProblems() {
	}

	/** Every error answer. */
	@Schema(name = "Problem", description = "RFC 9457 problem detail")
	public record Problem(@Schema(description = "A stable URN naming the kind of problem, or about:blank") String type,
			String title, int status, String detail, @Schema(description = "The request path") String instance) {
	}

	/** A 400 answer that names each wrong field. */
	@Schema(name = "ValidationProblem", description = "RFC 9457 problem detail listing every invalid field")
	public record ValidationProblem(String type, String title, int status, String detail, String instance,
			List<FieldError> errors) {
	}

}

package dev.stoker.cluster;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.stoker.definition.validation.FieldError;

/**
 * A request body other than a definition that cannot be acted on (400), with the JSON
 * Pointer of every wrong field.
 */
public class InvalidRequestException extends ErrorResponseException {

	public InvalidRequestException(String detail, List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, problem(detail, errors), null);
	}

	private static ProblemDetail problem(String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(URI.create("urn:stoker:problem:invalid-request"));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.copyOf(errors));
		return problem;
	}

}

package dev.stoker.definition.validation;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A cluster definition that cannot be stored. Answered as a 400 problem detail whose
 * {@code errors} list holds every problem found, each with the JSON Pointer of its field.
 */
public class InvalidDefinitionException extends ErrorResponseException {

	public static final URI TYPE = URI.create("urn:stoker:problem:invalid-definition");

	private final transient List<FieldError> errors;

	public InvalidDefinitionException(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, problem(errors), null);
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

	private static ProblemDetail problem(List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.size()
				+ (errors.size() == 1 ? " problem" : " problems") + " in the cluster definition; see errors.");
		problem.setType(TYPE);
		problem.setTitle("Invalid cluster definition");
		problem.setProperty("errors", List.copyOf(errors));
		return problem;
	}

}

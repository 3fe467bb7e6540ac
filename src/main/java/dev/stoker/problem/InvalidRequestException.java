package dev.stoker.problem;

import java.util.List;

/**
 * A request other than a definition that cannot be acted on (400): a rotation body, a
 * query parameter. {@code errors} names every wrong field.
 */
public class InvalidRequestException extends ProblemException {

	public InvalidRequestException(String detail, List<FieldError> errors) {
		super(ProblemType.INVALID_REQUEST, detail);
		setProperty("errors", List.copyOf(errors));
	}

}

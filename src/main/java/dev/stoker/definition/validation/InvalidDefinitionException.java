package dev.stoker.definition.validation;

import java.util.List;

import dev.stoker.problem.FieldError;
import dev.stoker.problem.ProblemException;
import dev.stoker.problem.ProblemType;

/**
 * A cluster definition that cannot be stored. Answered as a 400 problem detail whose
 * {@code errors} list holds every problem found, each with the JSON Pointer of its field.
 */
public class InvalidDefinitionException extends ProblemException {

	private final transient List<FieldError> errors;

	public InvalidDefinitionException(List<FieldError> errors) {
		super(ProblemType.INVALID_DEFINITION, errors.size() + (errors.size() == 1 ? " problem" : " problems")
				+ " in the cluster definition; see errors.");
		this.errors = List.copyOf(errors);
		setProperty("errors", this.errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

}

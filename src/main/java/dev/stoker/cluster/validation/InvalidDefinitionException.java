package dev.stoker.cluster.validation;

import java.util.List;

/** A cluster definition that cannot be stored, with every problem found in it. */
public class InvalidDefinitionException extends RuntimeException {

	private final transient List<FieldError> errors;

	public InvalidDefinitionException(List<FieldError> errors) {
		super(errors.size() + (errors.size() == 1 ? " problem" : " problems") + " in the cluster definition", null,
				false, false);
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

}

package dev.stoker.definition.validation;

import java.util.ArrayList;
import java.util.List;

import dev.stoker.problem.FieldError;

/** Collects field errors in the order they are found. */
public final class FieldErrors {

	private static final String NO_VALUE = "must have a value: write an empty one as \"\" (YAML reads a key "
			+ "without a value, or ~, as no value at all)";

	private final List<FieldError> errors = new ArrayList<>();

	public void add(String pointer, String detail) {
		errors.add(new FieldError(pointer, detail));
	}

	/**
	 * Reports a missing value, unless the value is missing because it was already
	 * reported as being of the wrong type.
	 */
	public void required(String pointer, String detail) {
		if (!has(pointer)) {
			add(pointer, detail);
		}
	}

	public void required(String pointer) {
		required(pointer, "is required");
	}

	/**
	 * Reports no value where a string belongs, if only an empty one (a label, an extra
	 * arg), unless that place was already reported.
	 */
	public void noValue(String pointer) {
		required(pointer, NO_VALUE);
	}

	/** Whether a problem was already reported at this pointer or below it. */
	public boolean has(String pointer) {
		return errors.stream().anyMatch(e -> e.pointer().equals(pointer) || e.pointer().startsWith(pointer + "/"));
	}

	public boolean isEmpty() {
		return errors.isEmpty();
	}

	public List<FieldError> list() {
		return List.copyOf(errors);
	}

	public void throwIfAny() {
		if (!errors.isEmpty()) {
			throw new InvalidDefinitionException(errors);
		}
	}

}

package dev.stoker.definition.validation;

import java.util.List;
import java.util.function.Function;

import dev.stoker.definition.validation.ValidationCases.ValidationCase;
import dev.stoker.json.Mappers;
import dev.stoker.problem.FieldError;

/**
 * What a user reads for every refused case of {@link ValidationCases}, as one text for
 * the golden file {@value #GOLDEN}: each case's sentence, then each error in the order
 * reported, its JSON Pointer (as a JSON string) and its detail. The validator's reports
 * and the ones answered over HTTP are both compared with that file, so a changed word in
 * any message shows up in review.
 */
public final class ValidationReports {

	/** Under src/test/resources/golden; see {@link dev.stoker.Golden}. */
	public static final String GOLDEN = "validation/reports.txt";

	private ValidationReports() {
	}

	/**
	 * The report of every refused case, with each case's errors as {@code errors} gives
	 * them.
	 */
	public static String of(Function<ValidationCase, List<FieldError>> errors) {
		StringBuilder text = new StringBuilder();
		ValidationCases.invalid().forEach((refused) -> {
			text.append(refused.sentence()).append('\n');
			for (FieldError error : errors.apply(refused)) {
				text.append("  ")
					.append(Mappers.json().writeValueAsString(error.pointer()))
					.append(": ")
					.append(error.detail())
					.append('\n');
			}
			text.append('\n');
		});
		return text.toString();
	}

}

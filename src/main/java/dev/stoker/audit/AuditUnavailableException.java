package dev.stoker.audit;

import dev.stoker.problem.ProblemException;
import dev.stoker.problem.ProblemType;

/**
 * The audit row of a disclosure could not be written, so the secret is not disclosed.
 * 503, not 500: a node fetching its Ignition retries a 5xx with backoff, and the cause
 * (the database) is most likely passing.
 */
public class AuditUnavailableException extends ProblemException {

	AuditUnavailableException(Throwable cause) {
		super(ProblemType.UNAVAILABLE,
				"The disclosure could not be recorded in the audit log, so the answer is withheld; retry shortly.",
				cause);
	}

}

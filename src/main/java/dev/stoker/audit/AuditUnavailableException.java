package dev.stoker.audit;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.stoker.web.RetryAfter;

/**
 * The audit row of a disclosure could not be written, so the secret is not disclosed.
 * 503, not 500: a node fetching its Ignition retries a 5xx with backoff, and the cause
 * (the database) is most likely passing.
 */
public class AuditUnavailableException extends ErrorResponseException {

	AuditUnavailableException(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, RetryAfter.SECONDS);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The disclosure could not be recorded in the audit log, so the answer is withheld; retry shortly.");
		problem.setType(URI.create("urn:stoker:problem:unavailable"));
		problem.setTitle("Temporarily unavailable");
		return problem;
	}

}

package dev.stoker.machines;

import org.springframework.http.HttpHeaders;

import dev.stoker.problem.ProblemException;
import dev.stoker.problem.ProblemType;

/** A report refused for now: 429 with the seconds to wait in Retry-After. */
class TooManyReportsException extends ProblemException {

	TooManyReportsException(String detail, long retryAfterSeconds) {
		super(ProblemType.TOO_MANY_REQUESTS, detail);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
	}

}

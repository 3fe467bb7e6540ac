package dev.stoker.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;

/**
 * An error answered as a problem of the catalog. A 503 always carries Retry-After: nodes
 * and tools retry it.
 */
public class ProblemException extends ErrorResponseException {

	private final ProblemType type;

	public ProblemException(ProblemType type, String detail) {
		this(type, detail, null);
	}

	public ProblemException(ProblemType type, String detail, Throwable cause) {
		super(type.status(), type.problem(detail), cause);
		this.type = type;
		if (type == ProblemType.UNAVAILABLE) {
			getHeaders().set(HttpHeaders.RETRY_AFTER, RetryAfter.SECONDS);
		}
	}

	public ProblemType type() {
		return type;
	}

	/** Adds a member to the problem body, such as the current revision. */
	protected final void setProperty(String name, Object value) {
		getBody().setProperty(name, value);
	}

}

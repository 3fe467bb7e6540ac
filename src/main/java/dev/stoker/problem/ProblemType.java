package dev.stoker.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every kind of error Stoker answers, with the type URI, title and status a client sees.
 * The one place a problem type is defined: exceptions and filters take theirs from here,
 * and the API reference's table of problem types is checked against it.
 */
public enum ProblemType {

	INVALID_DEFINITION("invalid-definition", "Invalid cluster definition", HttpStatus.BAD_REQUEST),
	MALFORMED_BODY("malformed-body", "Malformed body", HttpStatus.BAD_REQUEST),
	INVALID_REQUEST("invalid-request", "Invalid request", HttpStatus.BAD_REQUEST),
	CREDENTIAL_IN_URL("credential-in-url", "Credential in the URL", HttpStatus.BAD_REQUEST),
	NON_NORMAL_URI("non-normal-uri", "Path not in normal form", HttpStatus.BAD_REQUEST),
	UNAUTHORIZED("unauthorized", "Unauthorized", HttpStatus.UNAUTHORIZED),
	FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),
	CLUSTER_NOT_FOUND("cluster-not-found", "Cluster not found", HttpStatus.NOT_FOUND),
	/**
	 * A node group or a static node: one answer for both, on every path that names one.
	 */
	NODE_NOT_FOUND("node-not-found", "Node group or node not found", HttpStatus.NOT_FOUND),
	DOCUMENT_NOT_FOUND("document-not-found", "Document not found", HttpStatus.NOT_FOUND),
	REVISION_NOT_FOUND("revision-not-found", "Revision not found", HttpStatus.NOT_FOUND),
	NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
	CLUSTER_EXISTS("cluster-exists", "Cluster exists", HttpStatus.CONFLICT),
	REVISION_MISMATCH("revision-mismatch", "Revision mismatch", HttpStatus.PRECONDITION_FAILED),
	BODY_TOO_LARGE("body-too-large", "Body too large", HttpStatus.CONTENT_TOO_LARGE),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
	UNSUPPORTED_CHARSET("unsupported-charset", "Unsupported charset", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
	USER_DATA_TOO_LARGE("user-data-too-large", "User data too large", HttpStatus.UNPROCESSABLE_CONTENT),
	LOOPBACK_POINTER("loopback-pointer", "Pointer to a loopback address", HttpStatus.UNPROCESSABLE_CONTENT),
	/** Answered with Retry-After: the seconds until the request would be taken. */
	TOO_MANY_REQUESTS("too-many-requests", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
	/** Transient: always answered with Retry-After ({@link RetryAfter}). */
	UNAVAILABLE("unavailable", "Temporarily unavailable", HttpStatus.SERVICE_UNAVAILABLE);

	private static final String PREFIX = "urn:stoker:problem:";

	private final URI type;

	private final String title;

	private final HttpStatus status;

	ProblemType(String name, String title, HttpStatus status) {
		this.type = URI.create(PREFIX + name);
		this.title = title;
		this.status = status;
	}

	public URI type() {
		return type;
	}

	public String title() {
		return title;
	}

	public HttpStatus status() {
		return status;
	}

	/**
	 * A problem of this type. The detail tells the client what to do; it must never echo
	 * what the request sent.
	 */
	public ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}

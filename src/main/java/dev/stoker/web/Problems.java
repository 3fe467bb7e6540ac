package dev.stoker.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Problem details that Stoker answers outside of any one feature. */
final class Problems {

	static final URI MALFORMED_BODY = URI.create("urn:stoker:problem:malformed-body");

	static final URI BODY_TOO_LARGE = URI.create("urn:stoker:problem:body-too-large");

	static final URI NOT_ACCEPTABLE = URI.create("urn:stoker:problem:not-acceptable");

	static final URI UNSUPPORTED_CHARSET = URI.create("urn:stoker:problem:unsupported-charset");

	static final URI UNAVAILABLE = URI.create("urn:stoker:problem:unavailable");

	private Problems() {
	}

	static ProblemDetail of(HttpStatusCode status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}

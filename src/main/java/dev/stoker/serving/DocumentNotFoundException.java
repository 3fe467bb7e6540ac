package dev.stoker.serving;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No such node group or static node, or no document can exist for it (404). */
public class DocumentNotFoundException extends ErrorResponseException {

	public DocumentNotFoundException(String detail) {
		super(HttpStatus.NOT_FOUND, problem(detail), null);
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
		problem.setType(URI.create("urn:stoker:problem:document-not-found"));
		problem.setTitle("Document not found");
		return problem;
	}

}

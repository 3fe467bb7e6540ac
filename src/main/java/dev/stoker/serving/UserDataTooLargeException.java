package dev.stoker.serving;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A user-data pointer over EC2's 16 KB: EC2 would refuse it, or worse, a launch template
 * would be saved that no instance can start from (422).
 */
class UserDataTooLargeException extends ErrorResponseException {

	UserDataTooLargeException(int size) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(size), null);
	}

	private static ProblemDetail problem(int size) {
		ProblemDetail problem = ProblemDetail
			.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "The pointer would be " + size
					+ " bytes, over EC2's user-data limit of " + UserDataPointer.EC2_LIMIT
					+ " bytes. The CA bundle (stoker.tls.ca-bundle) is most of it: configure only the CA that signs Stoker's certificate.");
		problem.setType(URI.create("urn:stoker:problem:user-data-too-large"));
		problem.setTitle("User data too large");
		problem.setProperty("size", size);
		problem.setProperty("limit", UserDataPointer.EC2_LIMIT);
		return problem;
	}

}

package dev.stoker.access;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A valid fetch token asked for something it does not open (403). The same fixed answer
 * whether or not the thing exists: only the admin learns what exists.
 */
public class AccessDeniedException extends ErrorResponseException {

	public AccessDeniedException() {
		super(HttpStatus.FORBIDDEN, AccessProblems.forbidden(), null);
	}

}

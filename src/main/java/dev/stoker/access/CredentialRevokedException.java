package dev.stoker.access;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A fetch token that was current when the request came in, but was rotated or removed
 * (with its group or cluster) before its answer left: the same 401 the access filter
 * gives a token it does not know, so that a revoked token is refused alike on every
 * replica, whether or not that replica still kept it in memory.
 */
public class CredentialRevokedException extends ErrorResponseException {

	public CredentialRevokedException() {
		super(HttpStatus.UNAUTHORIZED, AccessProblems.unauthorized(), null);
		getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, AccessFilter.CHALLENGE);
	}

}

package dev.stoker.audit;

/**
 * Who asked, as the audit log records it: never the credential itself.
 *
 * @param credentialKind {@code admin}, {@code fetch-token} or {@code keeper-token}
 * @param credentialId the public id of a fetch token or keeper credential; null for the
 * admin token, of which there is one
 * @param clientAddress the peer's address, or the one a trusted proxy names when the
 * operator has configured one
 * @param requestId the request's id, also answered in the {@code X-Request-Id} header
 */
public record Requester(String credentialKind, String credentialId, String clientAddress, String requestId) {

	/** The request attribute the access filter leaves it in. */
	public static final String ATTRIBUTE = "dev.stoker.audit.Requester";

}

package dev.stoker.secrets;

import org.springframework.dao.TransientDataAccessResourceException;

/**
 * The store is under another master key than this instance's: another instance rotated it
 * since this one started. This instance must not write (what it encrypts would not open
 * under the store's key) nor answer a fetch token 401 (its lookup hashes are the old
 * key's, and Ignition gives up on a 401). For the caller it is transient: an instance
 * started with the store's key answers the same request, so this is a 503 with
 * Retry-After, and readiness takes this instance out of the Service meanwhile. Names keys
 * by id only.
 */
public class StaleMasterKeyException extends TransientDataAccessResourceException {

	private static final long serialVersionUID = 1L;

	StaleMasterKeyException(String message) {
		super(message);
	}

	/** {@code stored} is null when the store records no key at all. */
	static StaleMasterKeyException ofStore(String stored, String own) {
		return new StaleMasterKeyException(((stored != null) ? "The store is under master key " + stored
				: "The store records no master key") + ", but this instance runs with master key " + own
				+ ": the master key was rotated since this instance started. Restart it with the store's key in "
				+ "stoker.master.key (STOKER_MASTER_KEY); until then it neither writes nor answers fetch tokens.");
	}

}

package dev.stoker.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a presented bearer credential (a fetch token, a keeper credential) is checked
 * against the row its lookup hash found: one way for both, since this is where a
 * credential is accepted or refused.
 */
final class PresentedCredentials {

	private PresentedCredentials() {
	}

	/**
	 * The row found, if the value stored in it (decrypted by {@code storedValue}) is the
	 * presented one, compared in constant time.
	 */
	static <R> Optional<R> verified(Optional<R> found, String presented, Function<R, String> storedValue,
			RecordedMasterKey recordedKey) {
		if (found.isEmpty()) {
			// after another instance rotated the master key, this one's hashes find
			// nothing: that is not the credential's fault, and a 401 would be
			// final for Ignition
			recordedKey.requireCurrent();
		}
		return found.filter((row) -> MessageDigest.isEqual(storedValue.apply(row).getBytes(StandardCharsets.US_ASCII),
				presented.getBytes(StandardCharsets.US_ASCII)));
	}

}

package dev.stoker.secrets;

import java.security.SecureRandom;

/**
 * Where every random byte of a secret comes from, nonces included. The application uses
 * the platform's {@link SecureRandom}; a test may pass a fixed source, which makes the
 * generated secrets, and so the documents rendered from them, reproducible.
 */
interface RandomSource {

	void nextBytes(byte[] bytes);

	default byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		nextBytes(bytes);
		return bytes;
	}

	/**
	 * This source as a {@link SecureRandom}, for the JCA calls (key generation, signing)
	 * that take one: they draw their randomness from this source and nowhere else.
	 */
	default SecureRandom asSecureRandom() {
		return new SourceSecureRandom(this);
	}

}

package dev.stoker.secrets;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/** The application's random source: the platform's default {@link SecureRandom}. */
@Component
class SecureRandomSource implements RandomSource {

	private final SecureRandom random = new SecureRandom();

	@Override
	public void nextBytes(byte[] bytes) {
		random.nextBytes(bytes);
	}

	@Override
	public SecureRandom asSecureRandom() {
		return random;
	}

}

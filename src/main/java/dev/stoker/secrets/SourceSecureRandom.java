package dev.stoker.secrets;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * A {@link SecureRandom} that draws every byte from a {@link RandomSource}. Seeding is
 * ignored: the source alone decides what comes out.
 */
final class SourceSecureRandom extends SecureRandom {

	private static final long serialVersionUID = 1L;

	SourceSecureRandom(RandomSource source) {
		super(new Spi(source), null);
	}

	private static final class Spi extends SecureRandomSpi {

		private static final long serialVersionUID = 1L;

		private final transient RandomSource source;

		Spi(RandomSource source) {
			this.source = source;
		}

		@Override
		protected void engineSetSeed(byte[] seed) {
		}

		@Override
		protected void engineNextBytes(byte[] bytes) {
			source.nextBytes(bytes);
		}

		@Override
		protected byte[] engineGenerateSeed(int count) {
			return source.bytes(count);
		}

	}

}

package dev.stoker.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A reproducible random source for tests: SHA-256 of the seed and a counter, block after
 * block. The same seed gives the same bytes, and so the same secrets, on every run.
 */
public final class SeededRandomSource implements RandomSource {

	private final byte[] seed;

	private long counter;

	private final ByteBuffer block = ByteBuffer.allocate(32).limit(0);

	public SeededRandomSource(String seed) {
		this.seed = seed.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public synchronized void nextBytes(byte[] bytes) {
		for (int i = 0; i < bytes.length; i++) {
			if (!block.hasRemaining()) {
				refill();
			}
			bytes[i] = block.get();
		}
	}

	private void refill() {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(seed);
			sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
			block.clear();
			block.put(sha256.digest()).flip();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

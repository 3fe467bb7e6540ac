package dev.stoker.secrets;

/** Random text over {@code [a-z0-9]}, every character equally likely. */
final class RandomText {

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	/**
	 * The largest multiple of the alphabet's size that fits in a byte: bytes at or above
	 * it are drawn again, so that no character is more likely than another.
	 */
	private static final int UNBIASED_LIMIT = 256 - (256 % ALPHABET.length());

	private RandomText() {
	}

	static String lowerCaseAndDigits(RandomSource random, int count) {
		StringBuilder characters = new StringBuilder(count);
		byte[] one = new byte[1];
		while (characters.length() < count) {
			random.nextBytes(one);
			int value = one[0] & 0xff;
			if (value < UNBIASED_LIMIT) {
				characters.append(ALPHABET.charAt(value % ALPHABET.length()));
			}
		}
		return characters.toString();
	}

}

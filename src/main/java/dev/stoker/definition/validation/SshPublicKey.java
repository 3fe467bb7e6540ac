package dev.stoker.definition.validation;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a line is an OpenSSH public key as {@code authorized_keys} holds it:
 * {@code <type> <base64 blob> [comment]}, whose blob names the same type and holds a
 * whole key.
 */
final class SshPublicKey {

	private static final Set<String> TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
			"ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
			"sk-ecdsa-sha2-nistp256@openssh.com");

	private static final int MIN_RSA_BITS = 2048;

	private SshPublicKey() {
	}

	static Optional<String> check(String line) {
		if (FreeText.breaksLines(line)) {
			return Optional.of("must be a single line without control characters");
		}
		var format = FreeText.formatCharacter(line);
		if (format.isPresent()) {
			return Optional.of(FreeText.invisible(format.getAsInt()));
		}
		String[] parts = line.strip().split(" +", 3);
		if (!TYPES.contains(parts[0])) {
			return Optional.of("must be an OpenSSH public key starting with its type (ssh-ed25519, ssh-rsa, "
					+ "ecdsa-sha2-nistp256, ...); authorized_keys options are not supported");
		}
		if (parts.length < 2) {
			return Optional.of("must have the base64 key after the key type");
		}
		byte[] blob;
		try {
			blob = Base64.getDecoder().decode(parts[1]);
		}
		catch (IllegalArgumentException ex) {
			return Optional.of("has a key that is not valid base64");
		}
		try {
			return checkBlob(parts[0], ByteBuffer.wrap(blob));
		}
		catch (RuntimeException ex) {
			return Optional.of("has a truncated or corrupt " + parts[0] + " key");
		}
	}

	private static Optional<String> checkBlob(String type, ByteBuffer blob) {
		if (!type.equals(new String(field(blob), StandardCharsets.US_ASCII))) {
			return Optional.of("has a key whose encoded type is not " + type);
		}
		if (type.equals("ssh-rsa")) {
			field(blob); // public exponent
			int bits = new BigInteger(field(blob)).bitLength();
			if (bits < MIN_RSA_BITS) {
				return Optional
					.of("is a " + bits + "-bit RSA key; use at least " + MIN_RSA_BITS + " bits or ssh-ed25519");
			}
		}
		else if (type.endsWith("ed25519") || type.endsWith("ed25519@openssh.com")) {
			if (field(blob).length != 32) {
				return Optional.of("has an ed25519 key that is not 32 bytes long");
			}
		}
		else {
			field(blob); // curve name
			field(blob); // public point
		}
		if (type.startsWith("sk-")) {
			field(blob); // FIDO application
		}
		return blob.hasRemaining() ? Optional.of("has trailing bytes after the " + type + " key") : Optional.empty();
	}

	/** Reads one SSH wire "string": a 32-bit big-endian length, then that many bytes. */
	private static byte[] field(ByteBuffer blob) {
		int length = blob.getInt();
		if (length < 0 || length > blob.remaining()) {
			throw new IllegalArgumentException("truncated");
		}
		byte[] bytes = new byte[length];
		blob.get(bytes);
		return bytes;
	}

}

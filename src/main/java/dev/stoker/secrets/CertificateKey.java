package dev.stoker.secrets;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The key kubeadm encrypts the uploaded control-plane certificates with: 32 random bytes
 * (an AES-256 key), written as 64 lower-case hex characters. Whoever holds it and a
 * bootstrap token can join as a control plane, so it is redacted wherever it could be
 * printed.
 */
public record CertificateKey(String hex) {

	public static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}");

	public CertificateKey {
		if (hex == null || !FORMAT.matcher(hex).matches()) {
			throw new IllegalArgumentException(
					"A certificate key is 64 lower-case hex characters (the value is not shown)");
		}
	}

	static CertificateKey generate(RandomSource random) {
		return new CertificateKey(HexFormat.of().formatHex(random.bytes(32)));
	}

	@Override
	public String toString() {
		return "CertificateKey[redacted]";
	}

}

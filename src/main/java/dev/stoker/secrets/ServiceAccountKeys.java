package dev.stoker.secrets;

/**
 * The key pair that signs and verifies service-account tokens, as kubeadm reads it:
 * {@code sa.key} (PKCS#8 private key, PEM) and {@code sa.pub} (its SubjectPublicKeyInfo,
 * PEM). Whoever holds the private key can mint a token for any service account, so it is
 * redacted wherever it could be printed.
 */
public record ServiceAccountKeys(String privateKeyPem, String publicKeyPem) {

	public ServiceAccountKeys {
		if (privateKeyPem == null || publicKeyPem == null) {
			throw new IllegalArgumentException("Service-account keys need a private and a public key");
		}
	}

	@Override
	public String toString() {
		return "ServiceAccountKeys[privateKey=redacted]";
	}

}

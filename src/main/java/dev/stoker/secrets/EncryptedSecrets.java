package dev.stoker.secrets;

import java.time.Instant;

/**
 * A row of the {@code cluster_secrets} table: every value as stored, encrypted. A cluster
 * stored before Stoker generated the control-plane PKI has a certificate key and a null
 * {@code pki}; every later one has the PKI and a null certificate key.
 */
record EncryptedSecrets(long clusterId, long revision, String bootstrapToken, String certificateKey,
		String caCertificate, String caKey, Instant createdAt, Instant updatedAt, EncryptedPki pki) {

	/** The control-plane PKI's columns, each value encrypted. */
	record EncryptedPki(String frontProxyCaCertificate, String frontProxyCaKey, String etcdCaCertificate,
			String etcdCaKey, String serviceAccountKey, String serviceAccountPublicKey) {

	}

}

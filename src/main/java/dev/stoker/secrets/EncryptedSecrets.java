package dev.stoker.secrets;

import java.time.Instant;

/**
 * A row of the {@code cluster_secrets} table: every value as stored, encrypted.
 */
record EncryptedSecrets(long clusterId, long revision, String bootstrapToken, String certificateKey,
		String caCertificate, String caKey, Instant createdAt, Instant updatedAt) {

}

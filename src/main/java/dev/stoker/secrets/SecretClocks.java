package dev.stoker.secrets;

import java.time.Instant;
import java.util.Optional;

/**
 * When the lifetimes of a cluster's join secrets started, as far as Stoker can see.
 * kubeadm init creates the bootstrap token and uploads the certificates when the
 * bootstrap node boots, which is when it first fetches its Ignition; a rotation starts a
 * lifetime again, once the operator has run the commands it answered.
 *
 * @param bootstrapFetchedAt the first fetch of the bootstrap group's Ignition; null until
 * then
 * @param bootstrapTokenRotatedAt the last rotation of the bootstrap token, or null
 * @param certificateKeyRotatedAt the last rotation of the certificate key, or null
 * @param uploadsCertificates whether the cluster's control planes download the
 * certificates init uploaded ({@link KubeadmSecrets#uploadsCertificates()}); a cluster
 * whose documents carry the control-plane PKI has no certificate-key clock
 */
public record SecretClocks(Instant bootstrapFetchedAt, Instant bootstrapTokenRotatedAt, Instant certificateKeyRotatedAt,
		boolean uploadsCertificates) {

	/** The clocks of a cluster whose control planes download uploaded certificates. */
	public SecretClocks(Instant bootstrapFetchedAt, Instant bootstrapTokenRotatedAt, Instant certificateKeyRotatedAt) {
		this(bootstrapFetchedAt, bootstrapTokenRotatedAt, certificateKeyRotatedAt, true);
	}

	/** Since when the current bootstrap token has been registered with the cluster. */
	public Optional<Instant> bootstrapTokenSince() {
		return latest(bootstrapTokenRotatedAt);
	}

	/**
	 * Since when the certificates have been uploaded under the current key; empty for a
	 * cluster that uploads none.
	 */
	public Optional<Instant> certificateKeySince() {
		if (!uploadsCertificates) {
			return Optional.empty();
		}
		return latest(certificateKeyRotatedAt);
	}

	/**
	 * Nothing is registered before the cluster exists: a rotation before the first boot
	 * only changes what kubeadm init will register.
	 */
	private Optional<Instant> latest(Instant rotatedAt) {
		if (bootstrapFetchedAt == null) {
			return Optional.empty();
		}
		return Optional
			.of((rotatedAt != null && rotatedAt.isAfter(bootstrapFetchedAt)) ? rotatedAt : bootstrapFetchedAt);
	}

}

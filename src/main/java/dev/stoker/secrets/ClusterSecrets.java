package dev.stoker.secrets;

import java.time.Instant;
import java.util.Optional;

/**
 * A cluster's secrets, by cluster name: made when the cluster is, read back decrypted for
 * the documents that carry them. There is no way to list them. Writes throw
 * {@link StaleMasterKeyException} (a 503) when the store is no longer under this
 * instance's master key.
 */
public interface ClusterSecrets {

	/**
	 * Generates and stores the secrets of a cluster whose row has just been inserted. It
	 * joins the caller's transaction, so that a cluster whose secrets cannot be stored is
	 * not created either.
	 */
	void create(String cluster);

	/**
	 * The cluster's secrets, decrypted; empty when there is no such cluster or it has no
	 * secrets. Throws {@link SecretDecryptionException} rather than answer a value that
	 * does not decrypt under the master key.
	 */
	Optional<KubeadmSecrets> load(String cluster);

	/**
	 * The cluster's secrets while the cluster is at {@code revision}, read in one
	 * statement with it: empty when the cluster is gone or at another revision. Two
	 * reads, one of the revision and one of the secrets, can each see a different side of
	 * a rotation's commit (H2 showed it under load), so a reader that must know which
	 * revision's secrets it serves asks for them this way.
	 */
	Optional<KubeadmSecrets> load(String cluster, long revision);

	/**
	 * Replaces the bootstrap token, the certificate key or both with new random ones,
	 * joining the caller's transaction, and answers the secrets as they now are; empty
	 * when there is no such cluster. Throws {@link NoCertificateKeyException}, rotating
	 * nothing, when asked for a certificate key the cluster does not have.
	 */
	Optional<KubeadmSecrets> rotate(String cluster, boolean bootstrapToken, boolean certificateKey);

	/** When the join secrets' lifetimes started; empty when there is no such cluster. */
	Optional<SecretClocks> clocks(String cluster);

	/**
	 * Notes that the bootstrap node has fetched its Ignition, the moment kubeadm init
	 * starts the secrets' lifetimes. Only the first call counts.
	 */
	void recordBootstrapFetch(String cluster, Instant at);

}

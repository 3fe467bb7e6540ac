package dev.stoker.secrets;

import java.util.Optional;

/**
 * A cluster's secrets, by cluster name: made when the cluster is, read back decrypted for
 * the documents that carry them. There is no way to list them.
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

}

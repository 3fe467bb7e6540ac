package dev.stoker.kubeadm;

/**
 * What a node needs to bootstrap with the cluster: the bootstrap token, the key that
 * encrypts the uploaded control-plane certificates (null when control planes get the
 * shared keys as files instead, so init uploads nothing and joins download nothing), and
 * the CA pin every join checks.
 */
public record JoinSecrets(String bootstrapToken, String certificateKey, String caCertHash) {

	@Override
	public String toString() {
		return "JoinSecrets[<redacted>]";
	}

}

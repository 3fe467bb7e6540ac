package dev.stoker.secrets;

/**
 * Everything kubeadm needs that must stay secret, for one cluster: what the bootstrap
 * node sets up and what every joining node proves it knows.
 */
public record KubeadmSecrets(BootstrapToken bootstrapToken, CertificateKey certificateKey, ClusterCa ca) {

	@Override
	public String toString() {
		return "KubeadmSecrets[redacted]";
	}

}

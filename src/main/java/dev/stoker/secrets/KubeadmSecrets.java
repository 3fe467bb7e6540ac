package dev.stoker.secrets;

/**
 * Everything kubeadm needs that must stay secret, for one cluster: what the bootstrap
 * node sets up and what every joining node proves it knows.
 * <p>
 * A cluster has either a certificate key or a control-plane PKI, never both. Clusters
 * created since Stoker generates the PKI have the PKI: their control planes get the
 * shared keys in their documents. Clusters stored before have a certificate key instead
 * ({@link #uploadsCertificates()}): their bootstrap node may have made its own
 * front-proxy CA, etcd CA and service-account key with {@code kubeadm init}, which only
 * the certificates it uploaded carry to other control planes, so they keep doing so.
 *
 * @param certificateKey the key of the uploaded certificates; null when the cluster has a
 * control-plane PKI
 * @param controlPlanePki the keys control planes share; null for a cluster stored before
 * Stoker generated them
 */
public record KubeadmSecrets(BootstrapToken bootstrapToken, CertificateKey certificateKey, ClusterCa ca,
		ControlPlanePki controlPlanePki) {

	public KubeadmSecrets {
		if ((certificateKey == null) == (controlPlanePki == null)) {
			throw new IllegalArgumentException("A cluster has a certificate key or a control-plane PKI, not both");
		}
	}

	/**
	 * Whether control planes get their shared keys from the certificates {@code kubeadm
	 * init --upload-certs} uploaded, under the certificate key: true only for clusters
	 * stored before Stoker generated the control-plane PKI.
	 */
	public boolean uploadsCertificates() {
		return controlPlanePki == null;
	}

	@Override
	public String toString() {
		return "KubeadmSecrets[redacted]";
	}

}

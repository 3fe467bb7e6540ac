package dev.stoker.secrets;

/**
 * The keys every control plane of a cluster must share besides the cluster CA, as
 * kubeadm's "manual certificate distribution" names them: the front-proxy CA
 * ({@code front-proxy-ca.crt|key}), the etcd CA ({@code etcd/ca.crt|key}) and the
 * service-account signing key pair ({@code sa.key|pub}), all under
 * {@code /etc/kubernetes/pki}. kubeadm uses these files where it finds them instead of
 * generating its own, so control planes that boot from the same document share them
 * without {@code --upload-certs} and its two-hour window
 * (https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/high-availability/#manual-certs).
 * Each private key signs something the whole cluster trusts, so none is ever printed.
 */
public record ControlPlanePki(ClusterCa frontProxyCa, ClusterCa etcdCa, ServiceAccountKeys serviceAccount) {

	public ControlPlanePki {
		if (frontProxyCa == null || etcdCa == null || serviceAccount == null) {
			throw new IllegalArgumentException("A control-plane PKI needs both CAs and the service-account keys");
		}
	}

	@Override
	public String toString() {
		return "ControlPlanePki[redacted]";
	}

}

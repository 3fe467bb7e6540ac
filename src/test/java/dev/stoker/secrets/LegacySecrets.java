package dev.stoker.secrets;

import java.time.Clock;

/**
 * A cluster's secrets as Stoker generated them before the control-plane PKI: a bootstrap
 * token, a certificate key and the cluster CA, drawn in that order from a source seeded
 * with {@code seed}. With the seed and clock the document tests use, these are the
 * secrets of the golden files under {@code golden/legacy}, rendered before the PKI.
 */
public final class LegacySecrets {

	private LegacySecrets() {
	}

	public static KubeadmSecrets of(String seed, Clock clock) {
		SeededRandomSource random = new SeededRandomSource(seed);
		return new KubeadmSecrets(BootstrapToken.generate(random), CertificateKey.generate(random),
				ClusterCaGenerator.generate(random, clock.instant()), null);
	}

}

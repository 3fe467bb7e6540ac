package dev.stoker.secrets;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * Generates a new cluster's secrets. Every random byte comes from the one
 * {@link RandomSource}, and the CA's validity from the clock, so that a test can fix
 * both.
 */
@Component
class SecretGenerator {

	private final RandomSource random;

	private final Clock clock;

	SecretGenerator(RandomSource random, Clock clock) {
		this.random = random;
		this.clock = clock;
	}

	KubeadmSecrets generate() {
		return new KubeadmSecrets(BootstrapToken.generate(random), CertificateKey.generate(random),
				ClusterCaGenerator.generate(random, clock.instant()));
	}

}

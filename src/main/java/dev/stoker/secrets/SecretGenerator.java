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

	/**
	 * A new cluster's secrets: a control-plane PKI and no certificate key, so that its
	 * control planes never depend on certificates uploaded at init.
	 */
	KubeadmSecrets generate() {
		BootstrapToken token = BootstrapToken.generate(random);
		ClusterCa ca = ClusterCaGenerator.generate(random, clock.instant());
		return new KubeadmSecrets(token, null, ca, ControlPlanePkiGenerator.generate(random, clock.instant()));
	}

}

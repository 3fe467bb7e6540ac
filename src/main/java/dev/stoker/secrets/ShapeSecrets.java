package dev.stoker.secrets;

import java.time.Instant;

/**
 * Secrets of the same kinds a new cluster gets, made once and never stored nor served:
 * what a check renders a definition's documents with to learn which paths, units and
 * users they hold, which no secret's value changes. Never a cluster's own.
 */
public final class ShapeSecrets {

	private ShapeSecrets() {
	}

	public static KubeadmSecrets get() {
		return Holder.SECRETS;
	}

	/** Made at first use: a service that never checks a snippet never makes them. */
	private static final class Holder {

		private static final KubeadmSecrets SECRETS = make();

		private static KubeadmSecrets make() {
			RandomSource random = new SecureRandomSource();
			Instant now = Instant.now();
			return new KubeadmSecrets(BootstrapToken.generate(random), null, ClusterCaGenerator.generate(random, now),
					ControlPlanePkiGenerator.generate(random, now));
		}

	}

}

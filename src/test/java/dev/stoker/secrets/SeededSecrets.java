package dev.stoker.secrets;

import java.time.Clock;

/**
 * A cluster's secrets made from a seed, the same on every run, for tests of the documents
 * that carry them.
 */
public final class SeededSecrets {

	private SeededSecrets() {
	}

	public static KubeadmSecrets of(String seed, Clock clock) {
		return new SecretGenerator(new SeededRandomSource(seed), clock).generate();
	}

}

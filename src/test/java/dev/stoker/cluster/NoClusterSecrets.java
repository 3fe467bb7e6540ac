package dev.stoker.cluster;

import java.time.Instant;
import java.util.Optional;

import dev.stoker.secrets.ClusterSecrets;
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.secrets.SecretClocks;

/**
 * A fake for tests about definitions alone: makes no secrets and finds none.
 */
class NoClusterSecrets implements ClusterSecrets {

	@Override
	public void create(String cluster) {
	}

	@Override
	public Optional<KubeadmSecrets> load(String cluster, long revision) {
		return Optional.empty();
	}

	@Override
	public Optional<KubeadmSecrets> load(String cluster) {
		return Optional.empty();
	}

	@Override
	public Optional<KubeadmSecrets> rotate(String cluster, boolean bootstrapToken, boolean certificateKey) {
		return Optional.empty();
	}

	@Override
	public Optional<SecretClocks> clocks(String cluster) {
		return Optional.empty();
	}

	@Override
	public void recordBootstrapFetch(String cluster, Instant at) {
	}

}

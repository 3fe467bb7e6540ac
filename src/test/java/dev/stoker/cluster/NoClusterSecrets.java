package dev.stoker.cluster;

import java.util.Optional;

import dev.stoker.secrets.ClusterSecrets;
import dev.stoker.secrets.KubeadmSecrets;

/**
 * A fake for tests about definitions alone: makes no secrets and finds none.
 */
class NoClusterSecrets implements ClusterSecrets {

	@Override
	public void create(String cluster) {
	}

	@Override
	public Optional<KubeadmSecrets> load(String cluster) {
		return Optional.empty();
	}

}

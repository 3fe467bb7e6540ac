package dev.stoker.cluster;

import dev.stoker.secrets.KubeadmSecrets;

/** A cluster after a rotation of its join secrets, and which ones were rotated. */
public record RotatedSecrets(StoredCluster stored, KubeadmSecrets secrets, boolean bootstrapToken,
		boolean certificateKey) {

	@Override
	public String toString() {
		return "RotatedSecrets[cluster=" + stored.name() + ", revision=" + stored.revision() + ", bootstrapToken="
				+ bootstrapToken + ", certificateKey=" + certificateKey + "]";
	}

}

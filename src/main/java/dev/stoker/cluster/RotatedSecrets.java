package dev.stoker.cluster;

import java.time.Instant;

import dev.stoker.secrets.KubeadmSecrets;

/**
 * A cluster after a rotation of its join secrets, and which ones were rotated.
 *
 * @param acceptedBy when the cluster's keepers will have registered the new bootstrap
 * token; null when no keeper has ever checked in (the token must then be registered by
 * hand) or the token was not rotated
 * @param previousListedUntil until when the previous bootstrap token stays listed, or
 * null when it was not rotated
 */
public record RotatedSecrets(StoredCluster stored, KubeadmSecrets secrets, boolean bootstrapToken,
		boolean certificateKey, Instant acceptedBy, Instant previousListedUntil) {

	@Override
	public String toString() {
		return "RotatedSecrets[cluster=" + stored.name() + ", revision=" + stored.revision() + ", bootstrapToken="
				+ bootstrapToken + ", certificateKey=" + certificateKey + "]";
	}

}

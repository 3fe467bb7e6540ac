package dev.stoker.cluster;

import dev.stoker.secrets.KeeperToken;
import io.swagger.v3.oas.annotations.media.Schema;

/** A cluster's new keeper credential and the revision its documents now have. */
@Schema(name = "RotatedKeeperCredential",
		description = "The new keeper credential; the previous one opens nothing any more")
public record RotatedKeeperCredential(
		@Schema(description = "The cluster's new revision: control-plane documents carry the new credential",
				example = "5") long revision,
		@Schema(description = "Write it to /etc/stoker/keeper-credential (mode 0600) on every running control plane",
				example = "stj.k3v9q0a1b2c3.<43 characters>") String keeperCredential) {

	RotatedKeeperCredential(long revision, KeeperToken credential) {
		this(revision, credential.value());
	}

	@Override
	public String toString() {
		return "RotatedKeeperCredential[revision=" + revision + ", <redacted>]";
	}

}

package dev.stoker.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.stoker.secrets.KubeadmLifetimes;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a rotation of the join secrets answers: the new values, when the keepers will have
 * registered the new token, and what is left to run by hand.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RotatedSecrets", description = "The new join secrets and the commands that register them")
record RotatedSecretsAnswer(@Schema(description = "The cluster's new revision", example = "4") long revision,
		@Schema(description = "The new bootstrap token, when it was rotated") String bootstrapToken,
		@Schema(description = "When the cluster's join-token keepers will have registered the new bootstrap token "
				+ "(RFC 3339). Absent when no keeper has checked in yet: then commands holds what to run by hand",
				example = "2026-11-28T12:13:00Z") Instant bootstrapTokenAcceptedBy,
		@Schema(description = "Until when the previous bootstrap token stays listed, so that machines booting "
				+ "from older documents still join; the keepers delete it afterwards (RFC 3339)",
				example = "2026-11-28T13:00:00Z") Instant previousBootstrapTokenListedUntil,
		@Schema(description = "The new certificate key, when it was rotated") String certificateKey,
		@Schema(description = "Run these, in this order, as root on a control plane that has already joined, "
				+ "before booting the nodes that use the new secrets") List<String> commands) {

	static RotatedSecretsAnswer of(RotatedSecrets rotated) {
		List<String> commands = new ArrayList<>();
		String token = null;
		String key = null;
		if (rotated.bootstrapToken()) {
			token = rotated.secrets().bootstrapToken().value();
			if (rotated.acceptedBy() == null) {
				commands.add(KubeadmLifetimes.tokenCreateCommand(token));
			}
		}
		if (rotated.certificateKey()) {
			key = rotated.secrets().certificateKey().hex();
			commands.add(KubeadmLifetimes.uploadCertsCommand(key));
		}
		return new RotatedSecretsAnswer(rotated.stored().revision(), token, rotated.acceptedBy(),
				rotated.previousListedUntil(), key, List.copyOf(commands));
	}

	@Override
	public String toString() {
		return "RotatedSecretsAnswer[revision=" + revision + ", <redacted>]";
	}

}

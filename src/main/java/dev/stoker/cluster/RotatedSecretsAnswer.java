package dev.stoker.cluster;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.stoker.secrets.KubeadmLifetimes;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a rotation of the join secrets answers: the new values and how to register them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RotatedSecrets", description = "The new join secrets and the commands that register them")
record RotatedSecretsAnswer(@Schema(description = "The cluster's new revision", example = "4") long revision,
		@Schema(description = "The new bootstrap token, when it was rotated") String bootstrapToken,
		@Schema(description = "The new certificate key, when it was rotated") String certificateKey,
		@Schema(description = "Run these, in this order, as root on a control plane that has already joined, "
				+ "before booting the nodes that use the new secrets") List<String> commands) {

	static RotatedSecretsAnswer of(RotatedSecrets rotated) {
		List<String> commands = new ArrayList<>();
		String token = null;
		String key = null;
		if (rotated.bootstrapToken()) {
			token = rotated.secrets().bootstrapToken().value();
			commands.add(KubeadmLifetimes.tokenCreateCommand(token));
		}
		if (rotated.certificateKey()) {
			key = rotated.secrets().certificateKey().hex();
			commands.add(KubeadmLifetimes.uploadCertsCommand(key));
		}
		return new RotatedSecretsAnswer(rotated.stored().revision(), token, key, List.copyOf(commands));
	}

	@Override
	public String toString() {
		return "RotatedSecretsAnswer[revision=" + revision + ", <redacted>]";
	}

}

package dev.stoker.keeper;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.stoker.audit.KeeperCheckIn;

/** The join tokens a cluster should accept, and what its keepers last reported. */
@Schema(name = "JoinTokens", description = "The bootstrap tokens the cluster should accept, and its keepers' check-ins")
record JoinTokenAnswer(@Schema(description = "Cluster name", example = "prod-use1") String cluster, @Schema(
		description = "The current token first, then those a rotation replaced, still listed") List<Entry> tokens,
		@Schema(description = "Each control plane's last check-in, by node name") List<KeeperCheckIn> keepers) {

	/** One listed token. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "JoinToken")
	record Entry(@Schema(description = "The token's public id", example = "abcdef") String id,
			@Schema(description = "The whole token, as kubeadm join takes it") String token,
			@Schema(description = "Whether documents carry this token") boolean current,
			@Schema(description = "When a replaced token stops being listed (RFC 3339)",
					example = "2026-11-28T13:00:00Z") Instant listedUntil) {

		@Override
		public String toString() {
			return "Entry[id=" + id + ", <redacted>]";
		}

	}

	/** The tokens alone, one a line, as the keeper on a node reads them. */
	String lines() {
		StringBuilder text = new StringBuilder();
		tokens.forEach((entry) -> text.append(entry.token()).append('\n'));
		return text.toString();
	}

	@Override
	public String toString() {
		return "JoinTokenAnswer[cluster=" + cluster + ", <redacted>]";
	}

}

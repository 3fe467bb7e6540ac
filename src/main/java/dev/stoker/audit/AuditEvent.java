package dev.stoker.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/** One row of a cluster's audit log, as the admin API answers it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A disclosure of a secret: which document, to whom, when and from where")
public record AuditEvent(
		@Schema(description = "Increasing; pass the last one seen as 'before' for the next page",
				example = "42") long id,
		@Schema(description = "When the answer was given (UTC)") Instant time,
		@Schema(example = "prod-use1") String cluster, @Schema(example = "workers") String group,
		@Schema(description = "The static node, for a node's document") String node,
		@Schema(description = "butane, ignition, kubeadm, user-data, fetch-tokens or rotated-secrets",
				example = "ignition") String document,
		@Schema(description = "admin or fetch-token", example = "fetch-token") String credentialKind,
		@Schema(description = "The fetch token's public id (never the token)",
				example = "k3v9q0a1b2c3") String credentialId,
		@Schema(example = "10.0.12.7") String clientAddress,
		@Schema(description = "Also answered in the X-Request-Id header") String requestId,
		@Schema(description = "The cluster's revision the document was made from") long revision) {

}

package dev.stoker.keeper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import dev.stoker.audit.Requester;

/**
 * The API description of {@link JoinTokenController}. The 401, 403 and 503 answers every
 * endpoint shares are declared once, for the whole API.
 */
@Tag(name = "Join tokens",
		description = "The bootstrap tokens a cluster should accept, which its control planes' keepers keep registered")
@SecurityRequirement(name = "admin")
@SecurityRequirement(name = "keeperCredential")
interface JoinTokenApi {

	@Operation(operationId = "getJoinTokens", summary = "The bootstrap tokens the cluster should accept",
			description = "The current token first, then tokens a rotation replaced, each listed until its grace period "
					+ "ends. Opened by the admin token and by the cluster's keeper credential. With Accept: text/plain, "
					+ "only the tokens, one a line, as the keeper reads them. Audited; never cached.")
	@ApiResponse(responseCode = "200", description = "The tokens and the keepers' last check-ins",
			content = {
					@Content(mediaType = "application/json", schema = @Schema(implementation = JoinTokenAnswer.class)),
					@Content(mediaType = "text/plain", schema = @Schema(type = "string")) })
	@ApiResponse(responseCode = "404", description = "No such cluster (cluster-not-found)")
	ResponseEntity<Object> joinTokens(@Parameter(description = "Cluster name") String name,
			@Parameter(hidden = true) String accept, Requester requester);

	@Operation(operationId = "checkInKeeper", summary = "Report what a join-token keeper did",
			description = "Sent by the keeper after each run that left the cluster holding exactly the listed tokens. "
					+ "Token ids only, never secrets.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = CheckInReport.class))))
	@ApiResponse(responseCode = "204", description = "Recorded")
	@ApiResponse(responseCode = "400",
			description = "Not a check-in (invalid-request: errors says which field), or a body that is not JSON (malformed-body)")
	@ApiResponse(responseCode = "404", description = "No such cluster (cluster-not-found)")
	ResponseEntity<Void> checkIn(@Parameter(description = "Cluster name") String name, JsonNode body,
			Requester requester);

}

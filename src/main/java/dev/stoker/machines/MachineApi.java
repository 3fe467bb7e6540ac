package dev.stoker.machines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import dev.stoker.access.Credential;
import dev.stoker.audit.Requester;

/**
 * The API description of {@link MachineController}. The 401, 403 and 503 answers every
 * endpoint shares are declared once, for the whole API.
 */
@Tag(name = "Machines", description = "Join progress, as the machines report it")
interface MachineApi {

	@Operation(operationId = "getMachines", summary = "The cluster's machines and how far each got",
			description = "Each machine that reported, by node group, with its last phase, when it reached it, the "
					+ "revision it booted with, and whether it is stuck. Every value came from the machine.")
	@SecurityRequirement(name = "admin")
	@ApiResponse(responseCode = "200", description = "The machines",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = MachineList.class)))
	@ApiResponse(responseCode = "404", description = "No such cluster (cluster-not-found)")
	ResponseEntity<MachineList> machines(@Parameter(description = "Cluster name") String name);

	@Operation(operationId = "reportMachine", summary = "Report a machine's phase",
			description = "Sent by the units of a node's document, with its group's report credential (only: the admin"
					+ " token and fetch tokens are refused). The group is the credential's.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = MachineReport.class))))
	@SecurityRequirement(name = "reportCredential")
	@ApiResponse(responseCode = "204", description = "Recorded")
	@ApiResponse(responseCode = "400",
			description = "Not a report (invalid-request: errors says which field), or a body that is not JSON (malformed-body)")
	@ApiResponse(responseCode = "404", description = "No such cluster (cluster-not-found)")
	@ApiResponse(responseCode = "413", description = "A body over 64 KiB (body-too-large)")
	@ApiResponse(responseCode = "429",
			description = "Too many reports of this node group, or the cluster has as many machines as Stoker keeps"
					+ " (too-many-requests)",
			headers = @Header(name = "Retry-After", description = "Seconds to wait",
					schema = @Schema(type = "integer")))
	ResponseEntity<Void> report(@Parameter(description = "Cluster name") String name,
			@Parameter(hidden = true) Long contentLength, JsonNode body, Credential credential, Requester requester);

}

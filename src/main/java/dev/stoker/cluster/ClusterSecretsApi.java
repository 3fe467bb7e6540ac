package dev.stoker.cluster;

import java.util.List;
import java.util.Map;

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

import dev.stoker.audit.AuditEvent;
import dev.stoker.audit.Requester;

/**
 * The API description of {@link ClusterSecretsController}, kept apart so the controller
 * stays readable. The answers every operation shares (400, 401, 403, 406, 413, 415, 503)
 * are declared once, for the whole API, in the web package's OpenAPI configuration; an
 * operation declares a shared status only for its own reasons.
 */
@Tag(name = "Secrets", description = "Rotating a cluster's fetch tokens and join secrets, and its audit log")
@SecurityRequirement(name = "admin")
interface ClusterSecretsApi {

	int DEFAULT_PAGE = 100;

	int MAX_PAGE = 1000;

	@Operation(operationId = "rotateFetchToken", summary = "Replace a node group's fetch token",
			description = "The old token stops opening anything at once, so user data that embeds it (a launch template) "
					+ "must be updated: fetch the group's user-data again.")
	@ApiResponse(responseCode = "200", description = "The new token")
	@ApiResponse(responseCode = "404", description = "No such cluster (cluster-not-found) or node group")
	ResponseEntity<Map<String, String>> rotateFetchToken(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Node group name") String group, Requester requester);

	@Operation(operationId = "rotateSecrets", summary = "Replace the bootstrap token and/or the certificate key",
			description = "Bumps the revision: every document changes at once. A new bootstrap token is registered by "
					+ "the cluster's join-token keepers on their next run (bootstrapTokenAcceptedBy); the previous one "
					+ "stays listed for the grace period (stoker.join-tokens.grace-period, 1 hour by default) and is "
					+ "deleted by the keepers afterwards. Where no keeper has checked in, and for a new certificate key, "
					+ "the answer holds the commands to run on a control plane before booting the nodes.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = ClusterApi.JSON, schema = @Schema(implementation = SecretRotation.class)),
					@Content(mediaType = ClusterApi.YAML, schema = @Schema(implementation = SecretRotation.class)) }))
	@ApiResponse(responseCode = "200", description = "Rotated",
			headers = @Header(name = "ETag", description = "The cluster's new revision"))
	@ApiResponse(responseCode = "400",
			description = "Not a rotation request, or nothing to rotate (invalid-request: errors says which field), or a "
					+ "body that is not JSON or YAML (malformed-body)")
	@ApiResponse(responseCode = "404", description = ClusterApi.NOT_FOUND)
	ResponseEntity<RotatedSecretsAnswer> rotateSecrets(@Parameter(description = "Cluster name") String name,
			JsonNode body, Requester requester);

	@Operation(operationId = "rotateKeeperCredential", summary = "Replace the cluster's keeper credential",
			description = "The credential control planes' join-token keepers ask for the join-token list with. Makes the "
					+ "first one of a cluster stored before there were keepers. Bumps the revision: control-plane "
					+ "documents carry the new credential. The old one opens nothing any more: write the new one to "
					+ "/etc/stoker/keeper-credential on every running control plane.")
	@ApiResponse(responseCode = "200", description = "The new credential",
			headers = @Header(name = "ETag", description = "The cluster's new revision"))
	@ApiResponse(responseCode = "404", description = "No such cluster")
	ResponseEntity<RotatedKeeperCredential> rotateKeeperCredential(@Parameter(description = "Cluster name") String name,
			Requester requester);

	@Operation(operationId = "rotateReportCredential", summary = "Replace a node group's report credential",
			description = "The credential the group's machines report their join progress with. Makes the first one of "
					+ "a group stored before there were reports. Bumps the revision: the group's documents carry the new "
					+ "credential. The old one opens nothing any more.")
	@ApiResponse(responseCode = "200", description = "The new credential",
			headers = @Header(name = "ETag", description = "The cluster's new revision"))
	@ApiResponse(responseCode = "404", description = "No such cluster, or no such node group in it")
	ResponseEntity<RotatedReportCredential> rotateReportCredential(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Node group name") String group, Requester requester);

	@Operation(operationId = "getAuditLog", summary = "Who was given this cluster's secrets",
			description = "Every disclosure of a document or token holding a secret, newest first. Pages with 'before': "
					+ "when there may be more, the Link header names the next page.")
	@ApiResponse(responseCode = "200", description = "Events, newest first",
			headers = @Header(name = "Link",
					description = "rel=\"next\": the next (older) page, when there may be one"))
	@ApiResponse(responseCode = "400",
			description = "limit or before is not a number in range (invalid-request: errors names the parameter)")
	@ApiResponse(responseCode = "404", description = ClusterApi.NOT_FOUND)
	ResponseEntity<List<AuditEvent>> audit(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Only events older than this id") Long before,
			@Parameter(description = "At most this many events (1 to 1000)") int limit);

}

package dev.stoker.serving;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;

import dev.stoker.access.Credential;
import dev.stoker.audit.Requester;

/**
 * The API description of {@link DocumentController}, kept apart so the controller stays
 * readable. The answers every operation shares (400, 401, 403, 406, 413, 415, 503) are
 * declared once, for the whole API, in the web package's OpenAPI configuration; an
 * operation declares a shared status only for its own reasons.
 */
@Tag(name = "Documents", description = "What a node boots with, rendered from its cluster's definition and secrets")
@SecurityRequirement(name = "admin")
interface DocumentApi {

	/**
	 * Answers the size of every document, so an operator sees at once whether it fits
	 * EC2.
	 */
	String DOCUMENT_SIZE = "Stoker-Document-Size";

	/**
	 * What will fail for the node that boots with this document, one header per problem.
	 */
	String WARNING = "Stoker-Warning";

	/**
	 * A fetch token asking for what its group does not open is refused with 403 whether
	 * it exists or not: only the admin learns what is missing.
	 */
	String GROUP_NOT_FOUND = "No such cluster (cluster-not-found) or node group, or the group has no document of "
			+ "its own because its machines are static nodes or its platform does not give every address; the "
			+ "detail names the endpoints that serve its machines (admin only)";

	String NODE_NOT_FOUND = "No such cluster (cluster-not-found) or static node (admin only)";

	/**
	 * The documents a node boots with also open to its group's fetch token; the rest of
	 * the API, user-data pointers included, to the admin only.
	 */
	String FETCH_TOKEN = "fetchToken";

	String SIZE_DESCRIPTION = "The document's size in bytes";

	String POINTER_SIZE = "The size of the pointer's JSON in bytes";

	String POINTER_WARNING = "When the pointer fetches over plain http";

	String BAD_POINTER_QUERY = "encoding or verify is not one of its values (invalid-request: errors names the parameter)";

	String POINTER_TOO_LARGE = "The pointer would be over EC2's 16384 bytes (user-data-too-large: size and limit say by how much)";

	String POINTER_UNPROCESSABLE = POINTER_TOO_LARGE
			+ ", or its URL would name a loopback or unspecified address, so the machine would ask itself for its "
			+ "Ignition (loopback-pointer: set stoker.public-url)";

	@Operation(operationId = "getKubeadmConfig",
			security = { @SecurityRequirement(name = "admin"), @SecurityRequirement(name = FETCH_TOKEN) },
			summary = "A node group's kubeadm config",
			description = "/etc/kubeadm.yml as the node receives it, before the host substitutes its Afterburn address "
					+ "variables. Holds the bootstrap token (and on control planes the certificate key).")
	@ApiResponse(responseCode = "200", description = "The kubeadm config, one YAML document per kubeadm kind",
			headers = {
					@Header(name = DOCUMENT_SIZE, description = SIZE_DESCRIPTION, schema = @Schema(type = "integer")),
					@Header(name = WARNING, description = "When a join will fail; what to run") })
	@ApiResponse(responseCode = "404", description = GROUP_NOT_FOUND)
	ResponseEntity<String> kubeadm(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Node group name") String group, Credential credential, Requester requester);

	@Operation(operationId = "getGroupButane",
			security = { @SecurityRequirement(name = "admin"), @SecurityRequirement(name = FETCH_TOKEN) },
			summary = "A node group's Butane config",
			description = "The Butane (flatcar variant) every machine of the group boots with; it transpiles to exactly "
					+ "the group's Ignition.")
	@ApiResponse(responseCode = "200", description = "Butane YAML",
			headers = {
					@Header(name = DOCUMENT_SIZE, description = SIZE_DESCRIPTION, schema = @Schema(type = "integer")),
					@Header(name = WARNING, description = "When a join will fail; what to run") })
	@ApiResponse(responseCode = "404", description = GROUP_NOT_FOUND)
	ResponseEntity<String> groupButane(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Node group name") String group, Credential credential, Requester requester);

	@Operation(operationId = "getGroupIgnition",
			security = { @SecurityRequirement(name = "admin"), @SecurityRequirement(name = FETCH_TOKEN) },
			summary = "A node group's Ignition config",
			description = "What a machine of the group fetches at first boot through its user-data pointer (or what "
					+ "goes into its user data whole).")
	@ApiResponse(responseCode = "200", description = "Ignition JSON", headers = {
			@Header(name = DOCUMENT_SIZE,
					description = "The document's size in bytes; EC2 user data takes at most 16384",
					schema = @Schema(type = "integer")),
			@Header(name = WARNING, description = "When a join will fail, or the document is over EC2's limit") })
	@ApiResponse(responseCode = "404", description = GROUP_NOT_FOUND)
	ResponseEntity<String> groupIgnition(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Node group name") String group, Credential credential, Requester requester);

	@Operation(operationId = "getNodeButane",
			security = { @SecurityRequirement(name = "admin"), @SecurityRequirement(name = FETCH_TOKEN) },
			summary = "A static node's Butane config",
			description = "Its addresses and hostname filled in; it needs no metadata service.")
	@ApiResponse(responseCode = "200", description = "Butane YAML",
			headers = {
					@Header(name = DOCUMENT_SIZE, description = SIZE_DESCRIPTION, schema = @Schema(type = "integer")),
					@Header(name = WARNING, description = "When a join will fail; what to run") })
	@ApiResponse(responseCode = "404", description = NODE_NOT_FOUND)
	ResponseEntity<String> nodeButane(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Static node name") String node, Credential credential, Requester requester);

	@Operation(operationId = "getNodeIgnition",
			security = { @SecurityRequirement(name = "admin"), @SecurityRequirement(name = FETCH_TOKEN) },
			summary = "A static node's Ignition config")
	@ApiResponse(responseCode = "200", description = "Ignition JSON",
			headers = {
					@Header(name = DOCUMENT_SIZE, description = SIZE_DESCRIPTION, schema = @Schema(type = "integer")),
					@Header(name = WARNING,
							description = "When a join will fail, or the document is over EC2's limit") })
	@ApiResponse(responseCode = "404", description = NODE_NOT_FOUND)
	ResponseEntity<String> nodeIgnition(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Static node name") String node, Credential credential, Requester requester);

	@Operation(operationId = "getGroupUserData", summary = "A node group's user-data pointer (admin only)",
			description = "A small Ignition config (spec 3.3.0) for EC2 user data and launch templates: it makes the "
					+ "machine fetch the group's Ignition from Stoker with the group's fetch token. With verify=true it "
					+ "pins the sha512 of the document served now, so any later change to the cluster (a PUT, a "
					+ "rotation) breaks the pointer until it is fetched again.")
	@ApiResponse(responseCode = "200",
			description = "The pointer: Ignition JSON, or with encoding=base64 its base64 text (what a launch "
					+ "template's UserData takes)",
			headers = { @Header(name = DOCUMENT_SIZE, description = POINTER_SIZE, schema = @Schema(type = "integer")),
					@Header(name = WARNING, description = POINTER_WARNING) })
	@ApiResponse(responseCode = "400", description = BAD_POINTER_QUERY)
	@ApiResponse(responseCode = "404", description = GROUP_NOT_FOUND)
	@ApiResponse(responseCode = "422", description = POINTER_UNPROCESSABLE)
	ResponseEntity<String> groupUserData(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Node group name") String group,
			@Parameter(description = "Pin the sha512 of the Ignition served now") boolean verify,
			@Parameter(description = "json, or base64 for a launch template's UserData",
					schema = @Schema(allowableValues = { "json", "base64" })) String encoding,
			Requester requester);

	@Operation(operationId = "getNodeUserData", summary = "A static node's user-data pointer (admin only)",
			description = "As for a node group, fetching the node's own Ignition with its group's fetch token.")
	@ApiResponse(responseCode = "200", description = "The pointer, as JSON or base64 text",
			headers = { @Header(name = DOCUMENT_SIZE, description = POINTER_SIZE, schema = @Schema(type = "integer")),
					@Header(name = WARNING, description = POINTER_WARNING) })
	@ApiResponse(responseCode = "400", description = BAD_POINTER_QUERY)
	@ApiResponse(responseCode = "404", description = NODE_NOT_FOUND)
	@ApiResponse(responseCode = "422", description = POINTER_UNPROCESSABLE)
	ResponseEntity<String> nodeUserData(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Static node name") String node,
			@Parameter(description = "Pin the sha512 of the Ignition served now") boolean verify,
			@Parameter(description = "json, or base64 for a launch template's UserData",
					schema = @Schema(allowableValues = { "json", "base64" })) String encoding,
			Requester requester);

}

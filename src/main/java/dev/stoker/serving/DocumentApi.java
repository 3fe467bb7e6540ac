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
 * readable. The 401, 403 and 503 answers every endpoint shares are declared once, for the
 * whole API (see the web package's OpenAPI configuration).
 */
@Tag(name = "Documents", description = "What a node boots with, rendered from its cluster's definition and secrets")
@SecurityRequirement(name = "admin")
@SecurityRequirement(name = "fetchToken")
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

	String GROUP_NOT_FOUND = "No such cluster or node group, or the group's machines are static nodes (admin only)";

	String NODE_NOT_FOUND = "No such cluster or node (admin only)";

	@Operation(operationId = "getKubeadmConfig", summary = "A node group's kubeadm config",
			description = "/etc/kubeadm.yml as the node receives it, before the host substitutes its Afterburn address "
					+ "variables. Holds the bootstrap token (and on control planes the certificate key).")
	@ApiResponse(responseCode = "200", description = "The kubeadm config, one YAML document per kubeadm kind",
			headers = @Header(name = WARNING, description = "When a join will fail; what to run"))
	@ApiResponse(responseCode = "404", description = GROUP_NOT_FOUND)
	ResponseEntity<String> kubeadm(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Node group name") String group, Credential credential, Requester requester);

	@Operation(operationId = "getGroupButane", summary = "A node group's Butane config",
			description = "The Butane (flatcar variant) every machine of the group boots with; it transpiles to exactly "
					+ "the group's Ignition.")
	@ApiResponse(responseCode = "200", description = "Butane YAML",
			headers = @Header(name = WARNING, description = "When a join will fail; what to run"))
	@ApiResponse(responseCode = "404", description = GROUP_NOT_FOUND)
	ResponseEntity<String> groupButane(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Node group name") String group, Credential credential, Requester requester);

	@Operation(operationId = "getGroupIgnition", summary = "A node group's Ignition config",
			description = "What a machine of the group fetches at first boot through its user-data pointer (or what "
					+ "goes into its user data whole).")
	@ApiResponse(responseCode = "200", description = "Ignition JSON",
			headers = { @Header(name = DOCUMENT_SIZE, description = "Bytes; EC2 user data takes at most 16384"),
					@Header(name = WARNING,
							description = "When a join will fail, or the document is over EC2's limit") })
	@ApiResponse(responseCode = "404", description = GROUP_NOT_FOUND)
	ResponseEntity<String> groupIgnition(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Node group name") String group, Credential credential, Requester requester);

	@Operation(operationId = "getNodeButane", summary = "A static node's Butane config",
			description = "Its addresses and hostname filled in; it needs no metadata service.")
	@ApiResponse(responseCode = "200", description = "Butane YAML")
	@ApiResponse(responseCode = "404", description = NODE_NOT_FOUND)
	ResponseEntity<String> nodeButane(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Static node name") String node, Credential credential, Requester requester);

	@Operation(operationId = "getNodeIgnition", summary = "A static node's Ignition config")
	@ApiResponse(responseCode = "200", description = "Ignition JSON",
			headers = { @Header(name = DOCUMENT_SIZE, description = "Bytes"),
					@Header(name = WARNING, description = "When a join will fail") })
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
			headers = { @Header(name = DOCUMENT_SIZE, description = "Bytes of the JSON"),
					@Header(name = WARNING, description = "When the pointer fetches over plain http") })
	@ApiResponse(responseCode = "404", description = "No such cluster or node group")
	@ApiResponse(responseCode = "422", description = "The pointer would be over EC2's 16384 bytes")
	ResponseEntity<String> groupUserData(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Node group name") String group,
			@Parameter(description = "Pin the sha512 of the Ignition served now") boolean verify,
			@Parameter(description = "json, or base64 for a launch template's UserData",
					schema = @Schema(allowableValues = { "json", "base64" })) String encoding,
			Requester requester);

	@Operation(operationId = "getNodeUserData", summary = "A static node's user-data pointer (admin only)",
			description = "As for a node group, fetching the node's own Ignition with its group's fetch token.")
	@ApiResponse(responseCode = "200", description = "The pointer, as JSON or base64 text",
			headers = @Header(name = DOCUMENT_SIZE, description = "Bytes of the JSON"))
	@ApiResponse(responseCode = "404", description = "No such cluster or node")
	@ApiResponse(responseCode = "422", description = "The pointer would be over EC2's 16384 bytes")
	ResponseEntity<String> nodeUserData(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Static node name") String node,
			@Parameter(description = "Pin the sha512 of the Ignition served now") boolean verify,
			@Parameter(description = "json, or base64 for a launch template's UserData",
					schema = @Schema(allowableValues = { "json", "base64" })) String encoding,
			Requester requester);

}

package dev.stoker.cluster;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.JsonNode;

import dev.stoker.audit.Requester;
import dev.stoker.definition.ClusterDefinition;
import dev.stoker.json.YamlMediaTypes;

/**
 * The API description of {@link ClusterController}, kept apart so the controller stays
 * readable. The answers every operation shares (400, 401, 403, 406, 413, 415, 503) are
 * declared once, for the whole API, in the web package's OpenAPI configuration; an
 * operation declares a shared status only for its own reasons.
 */
@Tag(name = "Clusters", description = "Cluster definitions: what Stoker renders each node's documents from")
@SecurityRequirement(name = "admin")
interface ClusterApi {

	String JSON = MediaType.APPLICATION_JSON_VALUE;

	String YAML = YamlMediaTypes.APPLICATION_YAML;

	String NOT_FOUND = "No such cluster (cluster-not-found)";

	String STALE = "If-Match names another revision (revision-mismatch: currentRevision is the current one)";

	String IF_MATCH_FORM = "If-Match that is not a quoted revision such as \"3\" (invalid-request)";

	/**
	 * What may not work in a definition that was stored all the same, one header per
	 * warning; the same header the node documents answer with.
	 */
	String WARNING = "Stoker-Warning";

	@Operation(operationId = "createCluster", summary = "Create a cluster",
			description = "Validates the definition (every problem reported at once), fills in its defaults and stores it at revision 1.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = {
							@Content(mediaType = JSON,
									schema = @Schema(allOf = ClusterDefinition.class, requiredProperties = "name")),
							@Content(mediaType = YAML,
									schema = @Schema(allOf = ClusterDefinition.class, requiredProperties = "name")) }))
	@ApiResponse(responseCode = "201",
			description = "Created; the body is the stored definition with its defaults, and fetchTokens: each node group's fetch token, answered this once",
			headers = { @Header(name = "Location", description = "URL of the new cluster"),
					@Header(name = "ETag", description = "The revision, \"1\""),
					@Header(name = "Last-Modified", description = "When it was stored"),
					@Header(name = WARNING,
							description = "What may not work, such as a Kubernetes minor release newer than Stoker knows") })
	@ApiResponse(responseCode = "400",
			description = "Invalid definition (invalid-definition: errors lists every field), or a body that is not JSON or YAML (malformed-body)")
	@ApiResponse(responseCode = "409", description = "A cluster with this name exists (cluster-exists)")
	ResponseEntity<ClusterWithFetchTokens> create(JsonNode body, Requester requester);

	@Operation(operationId = "listClusters", summary = "List clusters",
			description = "Every stored definition, by name. Secrets are never listed.")
	@ApiResponse(responseCode = "200", description = "The clusters")
	List<ClusterListItem> list();

	@Operation(operationId = "getCluster", summary = "Read a cluster",
			description = "The stored definition, defaults included; it can be sent back unchanged with PUT.")
	@ApiResponse(responseCode = "200", description = "The definition",
			headers = { @Header(name = "ETag", description = "The revision, for If-Match"),
					@Header(name = "Last-Modified", description = "When the revision was stored") })
	@ApiResponse(responseCode = "304", description = "If-None-Match named the current revision", content = @Content,
			headers = @Header(name = "ETag", description = "The revision"))
	@ApiResponse(responseCode = "404", description = NOT_FOUND)
	ResponseEntity<ClusterDefinition> get(@Parameter(description = "Cluster name") String name,
			@Parameter(hidden = true) WebRequest request);

	@Operation(operationId = "replaceCluster", summary = "Replace a cluster",
			description = "Validates and stores a whole new definition and bumps the revision. Send If-Match with the ETag you read: "
					+ "a stale one is refused with 412, so two concurrent edits cannot silently overwrite each other.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = JSON, schema = @Schema(implementation = ClusterDefinition.class)),
							@Content(mediaType = YAML, schema = @Schema(implementation = ClusterDefinition.class)) }))
	@ApiResponse(responseCode = "200",
			description = "Replaced; the body is the stored definition, and fetchTokens: the fetch tokens of the node groups it added (the groups it removed lose theirs)",
			headers = { @Header(name = "ETag", description = "The new revision"),
					@Header(name = "Last-Modified", description = "When the new revision was stored"),
					@Header(name = WARNING,
							description = "What may not work, such as a Kubernetes minor release newer than Stoker knows") })
	@ApiResponse(responseCode = "400",
			description = "Invalid definition (invalid-definition: errors lists every field, a name other than the one in the URL among them), a body that is not JSON or YAML (malformed-body), or "
					+ IF_MATCH_FORM)
	@ApiResponse(responseCode = "404", description = NOT_FOUND)
	@ApiResponse(responseCode = "412", description = STALE,
			headers = @Header(name = "ETag", description = "The current revision"))
	ResponseEntity<ClusterWithFetchTokens> replace(@Parameter(description = "Cluster name") String name, JsonNode body,
			@Parameter(description = "ETag of the revision the change was made on") String ifMatch,
			Requester requester);

	@Operation(operationId = "deleteCluster", summary = "Delete a cluster",
			description = "Deletes the definition and everything Stoker keeps for it.")
	@ApiResponse(responseCode = "204", description = "Deleted", content = @Content)
	@ApiResponse(responseCode = "400", description = IF_MATCH_FORM)
	@ApiResponse(responseCode = "404", description = NOT_FOUND)
	@ApiResponse(responseCode = "412", description = STALE,
			headers = @Header(name = "ETag", description = "The current revision"))
	ResponseEntity<Void> delete(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "ETag of the revision to delete") String ifMatch);

}

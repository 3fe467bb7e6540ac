package dev.stoker.preview;

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
import tools.jackson.databind.JsonNode;

import dev.stoker.definition.ClusterDefinition;
import dev.stoker.json.YamlMediaTypes;

/**
 * The API description of {@link PreviewController}, kept apart so the controller stays
 * readable. The answers every operation shares (400, 401, 403, 406, 413, 415, 503) are
 * declared once, for the whole API, in the web package's OpenAPI configuration.
 */
@Tag(name = "Preview and history",
		description = "What a definition would serve before it is stored, and every stored revision with diffs;"
				+ " secrets are always replaced by placeholders")
@SecurityRequirement(name = "admin")
interface PreviewApi {

	String JSON = MediaType.APPLICATION_JSON_VALUE;

	String YAML = YamlMediaTypes.APPLICATION_YAML;

	String NOT_FOUND = "No such cluster (cluster-not-found)";

	String INVALID = "Invalid definition (invalid-definition: errors lists every field, exactly as the write would), or"
			+ " a body that is not JSON or YAML (malformed-body)";

	int DEFAULT_PAGE = 100;

	int MAX_PAGE = 1000;

	@Operation(operationId = "previewNewCluster", summary = "Preview a cluster that does not exist yet",
			description = "Validates the definition as a create would and answers every document it would serve, with"
					+ " placeholders for its secrets. Stores nothing.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = {
							@Content(mediaType = JSON,
									schema = @Schema(allOf = ClusterDefinition.class, requiredProperties = "name")),
							@Content(mediaType = YAML,
									schema = @Schema(allOf = ClusterDefinition.class, requiredProperties = "name")) }))
	@ApiResponse(responseCode = "200", description = "What would be stored and served")
	@ApiResponse(responseCode = "400", description = INVALID)
	ResponseEntity<Preview> previewNew(JsonNode body);

	@Operation(operationId = "previewClusterReplacement", summary = "Preview a replacement of a cluster",
			description = "Validates the definition as a PUT would and answers every document it would serve, with"
					+ " placeholders for its secrets, and unified diffs against the definition and documents of the"
					+ " current revision. Stores nothing.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = JSON, schema = @Schema(implementation = ClusterDefinition.class)),
							@Content(mediaType = YAML, schema = @Schema(implementation = ClusterDefinition.class)) }))
	@ApiResponse(responseCode = "200", description = "What would be stored and served, and how it differs",
			headers = @Header(name = "ETag", description = "The current revision the diffs are against"))
	@ApiResponse(responseCode = "400", description = INVALID)
	@ApiResponse(responseCode = "404", description = NOT_FOUND)
	ResponseEntity<Preview> previewReplacement(@Parameter(description = "Cluster name") String name, JsonNode body);

	@Operation(operationId = "listRevisions", summary = "A cluster's revisions",
			description = "Every revision the history keeps (the newest stoker.history.retention), newest first: when,"
					+ " what and who wrote it. Pages with 'before': when there may be more, the Link header names the"
					+ " next page.")
	@ApiResponse(responseCode = "200", description = "Revisions, newest first",
			headers = @Header(name = "Link",
					description = "rel=\"next\": the next (older) page, when there may be one"))
	@ApiResponse(responseCode = "400",
			description = "limit or before is not a number in range (invalid-request: errors names the parameter)")
	@ApiResponse(responseCode = "404", description = NOT_FOUND)
	ResponseEntity<List<RevisionSummary>> revisions(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "Only revisions older than this one") Long before,
			@Parameter(description = "At most this many revisions (1 to 1000)") int limit);

	@Operation(operationId = "getRevision", summary = "A revision's definition",
			description = "The definition as that revision stored it. To roll back, PUT it to the cluster with the"
					+ " current ETag in If-Match.")
	@ApiResponse(responseCode = "200", description = "The definition",
			headers = @Header(name = "Last-Modified", description = "When the revision was stored"))
	@ApiResponse(responseCode = "404",
			description = NOT_FOUND + ", or a revision the history does not keep (revision-not-found)")
	ResponseEntity<ClusterDefinition> revision(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "The revision") long revision);

	@Operation(operationId = "diffRevisions", summary = "How two revisions differ",
			description = "Unified diffs of the two definitions and of every document that differs, each rendered with"
					+ " placeholders for its secrets.")
	@ApiResponse(responseCode = "200", description = "The diffs, from the older of the two revisions to the newer")
	@ApiResponse(responseCode = "400", description = "against is not a revision number (invalid-request)")
	@ApiResponse(responseCode = "404",
			description = NOT_FOUND + ", or a revision the history does not keep (revision-not-found)")
	ResponseEntity<RevisionDiff> diff(@Parameter(description = "Cluster name") String name,
			@Parameter(description = "The revision to compare") long revision,
			@Parameter(description = "The revision to compare it with; by default the one before it") Long against);

}

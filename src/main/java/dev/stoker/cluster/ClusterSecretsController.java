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
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import dev.stoker.audit.AuditEvent;
import dev.stoker.audit.AuditLog;
import dev.stoker.audit.Requester;
import dev.stoker.problem.FieldError;
import dev.stoker.problem.InvalidRequestException;

/**
 * The admin API for a cluster's secrets: rotating them, and reading the log of who was
 * given them. Every answer that holds a secret is audited and never cached.
 */
@RestController
@RequestMapping(path = "/api/v1/clusters/{name}", produces = "application/json")
@Tag(name = "Secrets", description = "Rotating a cluster's fetch tokens and join secrets, and its audit log")
@SecurityRequirement(name = "admin")
@ApiResponse(responseCode = "401", description = "No or wrong credential",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "A fetch token: it opens its node group's documents only",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
class ClusterSecretsController {

	static final int DEFAULT_PAGE = 100;

	static final int MAX_PAGE = 1000;

	private final ClusterService clusters;

	private final AuditLog audit;

	ClusterSecretsController(ClusterService clusters, AuditLog audit) {
		this.clusters = clusters;
		this.audit = audit;
	}

	@PostMapping("/node-groups/{group}/fetch-token/rotate")
	@Operation(operationId = "rotateFetchToken", summary = "Replace a node group's fetch token",
			description = "The old token stops opening anything at once, so user data that embeds it (a launch template) "
					+ "must be updated: fetch the group's user-data again.")
	@ApiResponse(responseCode = "200", description = "The new token")
	@ApiResponse(responseCode = "404", description = "No such cluster or node group",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<Map<String, String>> rotateFetchToken(
			@Parameter(description = "Cluster name") @PathVariable String name,
			@Parameter(description = "Node group name") @PathVariable String group,
			@Parameter(hidden = true) @RequestAttribute(Requester.ATTRIBUTE) Requester requester) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("fetchToken", clusters.rotateFetchToken(name, group, requester).value()));
	}

	@PostMapping(path = "/secrets/rotate", consumes = "application/json")
	@Operation(operationId = "rotateSecrets", summary = "Replace the bootstrap token and/or the certificate key",
			description = "For nodes that join after the bootstrap token's 24 hours or, for control planes, after kubeadm "
					+ "deleted the uploaded certificates (2 hours after init). Bumps the revision: every document changes. "
					+ "Answers the commands that register the new secrets on a running control plane; run them before "
					+ "booting the nodes.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = SecretRotation.class))))
	@ApiResponse(responseCode = "200", description = "Rotated",
			headers = @Header(name = "ETag", description = "The cluster's new revision"))
	@ApiResponse(responseCode = "400", description = "Not a rotation request, or nothing to rotate",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ClusterApi.ValidationProblem.class)))
	@ApiResponse(responseCode = "404", description = "No such cluster",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<RotatedSecretsAnswer> rotateSecrets(
			@Parameter(description = "Cluster name") @PathVariable String name, @RequestBody JsonNode body,
			@Parameter(hidden = true) @RequestAttribute(Requester.ATTRIBUTE) Requester requester) {
		SecretRotation rotation = SecretRotation.read(body);
		RotatedSecrets rotated = clusters.rotateSecrets(name, rotation.bootstrapToken(), rotation.certificateKey(),
				requester);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.eTag(Revisions.etag(rotated.stored().revision()))
			.body(RotatedSecretsAnswer.of(rotated));
	}

	@GetMapping("/audit")
	@Operation(operationId = "getAuditLog", summary = "Who was given this cluster's secrets",
			description = "Every disclosure of a document or token holding a secret, newest first. Pages with 'before': "
					+ "when there may be more, the Link header names the next page.")
	@ApiResponse(responseCode = "200", description = "Events, newest first",
			headers = @Header(name = "Link",
					description = "rel=\"next\": the next (older) page, when there may be one"))
	@ApiResponse(responseCode = "404", description = "No such cluster",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<List<AuditEvent>> audit(@Parameter(description = "Cluster name") @PathVariable String name,
			@Parameter(description = "Only events older than this id") @RequestParam(required = false) Long before,
			@Parameter(description = "At most this many events (1 to 1000)") @RequestParam(
					defaultValue = "" + DEFAULT_PAGE) int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new InvalidRequestException("limit must be between 1 and " + MAX_PAGE + ".",
					List.of(new dev.stoker.problem.FieldError("limit", "must be between 1 and " + MAX_PAGE)));
		}
		List<AuditEvent> events = audit.list(name, before, limit).orElseThrow(() -> new ClusterNotFoundException(name));
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().cacheControl(CacheControl.noStore());
		if (events.size() == limit) {
			String next = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("before", events.get(events.size() - 1).id())
				.replaceQueryParam("limit", limit)
				.build()
				.toUriString();
			response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		}
		return response.body(events);
	}

}

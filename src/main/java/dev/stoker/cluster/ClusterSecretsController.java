package dev.stoker.cluster;

import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import dev.stoker.audit.AuditEvent;
import dev.stoker.audit.AuditLog;
import dev.stoker.audit.Requester;
import dev.stoker.json.YamlMediaTypes;
import dev.stoker.problem.FieldError;
import dev.stoker.problem.InvalidRequestException;
import dev.stoker.secrets.NoCertificateKeyException;

/**
 * The admin API for a cluster's secrets: rotating them, and reading the log of who was
 * given them. Every answer that holds a secret is audited and never cached.
 */
@RestController
@RequestMapping(path = "/api/v1/clusters/{name}", produces = "application/json")
class ClusterSecretsController implements ClusterSecretsApi {

	private final ClusterService clusters;

	private final AuditLog audit;

	ClusterSecretsController(ClusterService clusters, AuditLog audit) {
		this.clusters = clusters;
		this.audit = audit;
	}

	@Override
	@PostMapping("/node-groups/{group}/fetch-token/rotate")
	public ResponseEntity<Map<String, String>> rotateFetchToken(@PathVariable String name, @PathVariable String group,
			Requester requester) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("fetchToken", clusters.rotateFetchToken(name, group, requester).value()));
	}

	@Override
	@PostMapping(path = "/secrets/rotate", consumes = { ClusterApi.JSON, YamlMediaTypes.APPLICATION_YAML,
			YamlMediaTypes.APPLICATION_X_YAML, YamlMediaTypes.TEXT_YAML, YamlMediaTypes.TEXT_X_YAML })
	public ResponseEntity<RotatedSecretsAnswer> rotateSecrets(@PathVariable String name, @RequestBody JsonNode body,
			Requester requester) {
		SecretRotation rotation = SecretRotation.read(body);
		RotatedSecrets rotated;
		try {
			rotated = clusters.rotateSecrets(name, rotation.bootstrapToken(), rotation.certificateKey(), requester);
		}
		catch (NoCertificateKeyException ex) {
			throw new InvalidRequestException("Nothing was rotated; see errors.",
					List.of(new FieldError("/certificateKey", SecretRotation.NO_CERTIFICATE_KEY)));
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.eTag(Revisions.etag(rotated.stored().revision()))
			.body(RotatedSecretsAnswer.of(rotated));
	}

	@Override
	@PostMapping("/keeper-credential/rotate")
	public ResponseEntity<RotatedKeeperCredential> rotateKeeperCredential(@PathVariable String name,
			Requester requester) {
		RotatedKeeperCredential rotated = clusters.rotateKeeperCredential(name, requester);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.eTag(Revisions.etag(rotated.revision()))
			.body(rotated);
	}

	@Override
	@PostMapping("/node-groups/{group}/report-credential/rotate")
	public ResponseEntity<RotatedReportCredential> rotateReportCredential(@PathVariable String name,
			@PathVariable String group, Requester requester) {
		RotatedReportCredential rotated = clusters.rotateReportCredential(name, group, requester);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.eTag(Revisions.etag(rotated.revision()))
			.body(rotated);
	}

	@Override
	@GetMapping("/audit")
	public ResponseEntity<List<AuditEvent>> audit(@PathVariable String name,
			@RequestParam(required = false) Long before, @RequestParam(defaultValue = "" + DEFAULT_PAGE) int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new InvalidRequestException("limit must be between 1 and " + MAX_PAGE + ".",
					List.of(new FieldError("limit", "must be between 1 and " + MAX_PAGE)));
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

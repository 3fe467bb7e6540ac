package dev.stoker.cluster;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.JsonNode;

import dev.stoker.audit.Requester;
import dev.stoker.definition.ClusterDefinition;
import dev.stoker.definition.validation.VersionRules;
import dev.stoker.json.YamlMediaTypes;

/** The admin API for cluster definitions: create, list, read, replace, delete. */
@RestController
@RequestMapping(path = "/api/v1/clusters", produces = { ClusterApi.JSON, ClusterApi.YAML })
class ClusterController implements ClusterApi {

	private final ClusterService clusters;

	ClusterController(ClusterService clusters) {
		this.clusters = clusters;
	}

	@Override
	@PostMapping(consumes = { JSON, YamlMediaTypes.APPLICATION_YAML, YamlMediaTypes.APPLICATION_X_YAML,
			YamlMediaTypes.TEXT_YAML, YamlMediaTypes.TEXT_X_YAML })
	public ResponseEntity<ClusterWithFetchTokens> create(@RequestBody JsonNode body, Requester requester) {
		ClusterChange created = clusters.create(body, requester);
		return withFetchTokens(ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/clusters/" + created.stored().name())), created);
	}

	@Override
	@GetMapping
	public List<ClusterListItem> list() {
		return clusters.list().stream().map(ClusterListItem::of).toList();
	}

	@Override
	@GetMapping("/{name}")
	public ResponseEntity<ClusterDefinition> get(@PathVariable String name, WebRequest request) {
		StoredCluster cluster = clusters.get(name);
		if (request.checkNotModified(Revisions.etag(cluster.revision()))) {
			return null;
		}
		return withRevision(ResponseEntity.ok(), cluster);
	}

	@Override
	@PutMapping(path = "/{name}", consumes = { JSON, YamlMediaTypes.APPLICATION_YAML, YamlMediaTypes.APPLICATION_X_YAML,
			YamlMediaTypes.TEXT_YAML, YamlMediaTypes.TEXT_X_YAML })
	public ResponseEntity<ClusterWithFetchTokens> replace(@PathVariable String name, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Requester requester) {
		return withFetchTokens(ResponseEntity.ok(),
				clusters.replace(name, body, Revisions.ifMatch(ifMatch), requester));
	}

	@Override
	@DeleteMapping("/{name}")
	public ResponseEntity<Void> delete(@PathVariable String name,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		clusters.delete(name, Revisions.ifMatch(ifMatch));
		return ResponseEntity.noContent().build();
	}

	/**
	 * The new tokens are secrets: the answer is never cached. What was stored but may not
	 * work is said in warnings: the write succeeded.
	 */
	private static ResponseEntity<ClusterWithFetchTokens> withFetchTokens(ResponseEntity.BodyBuilder response,
			ClusterChange change) {
		Map<String, String> tokens = new LinkedHashMap<>();
		change.newFetchTokens().forEach((group, token) -> tokens.put(group, token.value()));
		StoredCluster cluster = change.stored();
		return response.eTag(Revisions.etag(cluster.revision()))
			.lastModified(cluster.updatedAt())
			.cacheControl(CacheControl.noStore())
			.header(WARNING, VersionRules.warnings(cluster.cluster().kubernetesVersion()).toArray(String[]::new))
			.body(new ClusterWithFetchTokens(cluster.definition(), tokens));
	}

	private static ResponseEntity<ClusterDefinition> withRevision(ResponseEntity.BodyBuilder response,
			StoredCluster cluster) {
		return response.eTag(Revisions.etag(cluster.revision()))
			.lastModified(cluster.updatedAt())
			.body(cluster.definition());
	}

}

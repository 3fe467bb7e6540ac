package dev.stoker.preview;

import java.net.URI;
import java.util.List;

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

import dev.stoker.StokerProperties;
import dev.stoker.cluster.ClusterService;
import dev.stoker.cluster.Revision;
import dev.stoker.cluster.Revisions;
import dev.stoker.definition.ClusterDefinition;
import dev.stoker.json.YamlMediaTypes;
import dev.stoker.problem.FieldError;
import dev.stoker.problem.InvalidRequestException;

/**
 * The admin API for previews and the revision history. Its answers hold placeholders
 * where documents hold secrets, so none is audited; none is cached either, as the
 * definitions they show change.
 */
@RestController
@RequestMapping(path = "/api/v1/clusters", produces = { PreviewApi.JSON, PreviewApi.YAML })
class PreviewController implements PreviewApi {

	private final Previews previews;

	private final ClusterService clusters;

	private final URI publicUrl;

	PreviewController(Previews previews, ClusterService clusters, StokerProperties properties) {
		this.previews = previews;
		this.clusters = clusters;
		this.publicUrl = properties.publicUrl();
	}

	@Override
	@PostMapping(path = "/preview", consumes = { JSON, YamlMediaTypes.APPLICATION_YAML,
			YamlMediaTypes.APPLICATION_X_YAML, YamlMediaTypes.TEXT_YAML, YamlMediaTypes.TEXT_X_YAML })
	public ResponseEntity<Preview> previewNew(@RequestBody JsonNode body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(previews.ofNew(body, base()));
	}

	@Override
	@PostMapping(path = "/{name}/preview", consumes = { JSON, YamlMediaTypes.APPLICATION_YAML,
			YamlMediaTypes.APPLICATION_X_YAML, YamlMediaTypes.TEXT_YAML, YamlMediaTypes.TEXT_X_YAML })
	public ResponseEntity<Preview> previewReplacement(@PathVariable String name, @RequestBody JsonNode body) {
		Preview preview = previews.ofReplacement(name, body, base());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.eTag(Revisions.etag(preview.currentRevision()))
			.body(preview);
	}

	@Override
	@GetMapping("/{name}/revisions")
	public ResponseEntity<List<RevisionSummary>> revisions(@PathVariable String name,
			@RequestParam(required = false) Long before, @RequestParam(defaultValue = "" + DEFAULT_PAGE) int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new InvalidRequestException("limit must be between 1 and " + MAX_PAGE + ".",
					List.of(new FieldError("limit", "must be between 1 and " + MAX_PAGE)));
		}
		List<RevisionSummary> revisions = clusters.revisions(name, before, limit)
			.stream()
			.map(RevisionSummary::of)
			.toList();
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().cacheControl(CacheControl.noStore());
		if (revisions.size() == limit) {
			String next = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("before", revisions.get(revisions.size() - 1).revision())
				.replaceQueryParam("limit", limit)
				.build()
				.toUriString();
			response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		}
		return response.body(revisions);
	}

	@Override
	@GetMapping("/{name}/revisions/{revision}")
	public ResponseEntity<ClusterDefinition> revision(@PathVariable String name, @PathVariable long revision) {
		Revision found = clusters.revision(name, revision);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.lastModified(found.time())
			.body(found.definition());
	}

	@Override
	@GetMapping(path = "/{name}/revisions/{revision}/diff", produces = JSON)
	public ResponseEntity<RevisionDiff> diff(@PathVariable String name, @PathVariable long revision,
			@RequestParam(required = false) Long against) {
		long from = (against != null) ? against : revision - 1;
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(previews.diff(name, Math.min(from, revision), Math.max(from, revision), base()));
	}

	/**
	 * Where the documents would send a control plane's keeper: {@code stoker.public-url},
	 * or else the URL this request came to, as when they are served.
	 */
	private URI base() {
		return (publicUrl != null) ? publicUrl : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUri();
	}

}

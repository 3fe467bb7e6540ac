package dev.stoker.cni;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import dev.stoker.cluster.ClusterService;
import dev.stoker.cluster.Revisions;
import dev.stoker.cluster.StoredCluster;

/**
 * Answers a cluster's Cilium values, YAML first since they go to {@code helm -f}. The
 * values hold nothing secret, so nothing is audited; the ETag is the revision they
 * follow.
 */
@RestController
class CiliumValuesController implements CiliumValuesApi {

	private final ClusterService clusters;

	CiliumValuesController(ClusterService clusters) {
		this.clusters = clusters;
	}

	@Override
	@GetMapping(path = "/api/v1/clusters/{name}/cilium-values", produces = { YAML, JSON })
	public ResponseEntity<CiliumValues> ciliumValues(@PathVariable String name, WebRequest request) {
		StoredCluster cluster = clusters.get(name);
		if (request.checkNotModified(Revisions.etag(cluster.revision()))) {
			return null;
		}
		return ResponseEntity.ok()
			.eTag(Revisions.etag(cluster.revision()))
			.lastModified(cluster.updatedAt())
			.body(CiliumValues.of(cluster.cluster()));
	}

}

package dev.stoker.preview;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import dev.stoker.cluster.ClusterService;
import dev.stoker.cluster.Revision;
import dev.stoker.cluster.StoredCluster;
import dev.stoker.definition.ValidCluster;

/**
 * Previews of candidate definitions and diffs between revisions, every document rendered
 * with placeholders for its secrets. Stores nothing, and so audits nothing: no secret is
 * disclosed.
 */
@Service
class Previews {

	static final String CANDIDATE = "candidate";

	private final ClusterService clusters;

	private final RedactedDocuments documents;

	Previews(ClusterService clusters, RedactedDocuments documents) {
		this.clusters = clusters;
		this.documents = documents;
	}

	/**
	 * A cluster that does not exist yet, validated as a create would validate it: it
	 * would get the secrets a created cluster gets.
	 */
	Preview ofNew(JsonNode body, URI base) {
		ValidCluster candidate = clusters.validateNew(body);
		Map<DocumentKey, String> rendered = documents.render(candidate, SecretShape.NEW_CLUSTER, base);
		List<PreviewDocument> answered = new ArrayList<>();
		rendered.forEach((key, content) -> answered
			.add(new PreviewDocument(key.group(), key.node(), key.document(), content, null)));
		return new Preview(candidate.name(), null, candidate.definition(), null, answered);
	}

	/**
	 * A replacement of a stored cluster, validated as a PUT would validate it, and
	 * compared with what its current revision serves.
	 */
	Preview ofReplacement(String name, JsonNode body, URI base) {
		ValidCluster candidate = clusters.validateReplacement(name, body);
		StoredCluster current = clusters.get(name);
		SecretShape shape = documents.shapeOf(name);
		Map<DocumentKey, String> now = documents.render(current.cluster(), shape, base);
		Map<DocumentKey, String> then = documents.render(candidate, shape, base);
		String currentName = revisionName(current.revision());
		List<PreviewDocument> answered = new ArrayList<>();
		then.forEach((key, content) -> answered.add(new PreviewDocument(key.group(), key.node(), key.document(),
				content, Diffs.document(key, currentName, now.get(key), CANDIDATE, content))));
		now.forEach((key, content) -> {
			if (!then.containsKey(key)) {
				answered.add(new PreviewDocument(key.group(), key.node(), key.document(), null,
						Diffs.document(key, currentName, content, CANDIDATE, null)));
			}
		});
		return new Preview(name, current.revision(), candidate.definition(),
				Diffs.definition(currentName, current.definition(), CANDIDATE, candidate.definition()), answered);
	}

	/** How revision {@code to} differs from {@code from}, both still in the history. */
	RevisionDiff diff(String name, long from, long to, URI base) {
		Revision before = clusters.revision(name, from);
		Revision after = clusters.revision(name, to);
		SecretShape shape = documents.shapeOf(name);
		return new RevisionDiff(name, from, to,
				Diffs.definition(revisionName(from), before.definition(), revisionName(to), after.definition()),
				Diffs.documents(revisionName(from), documents.render(ValidCluster.of(before.definition()), shape, base),
						revisionName(to), documents.render(ValidCluster.of(after.definition()), shape, base)));
	}

	static String revisionName(long revision) {
		return "revision-" + revision;
	}

}

package dev.stoker.serving;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriComponentsBuilder;

import dev.stoker.serving.DocumentTarget.Group;
import dev.stoker.serving.DocumentTarget.Node;

/**
 * The one place that knows where documents are served:
 * {@code /api/v1/clusters/{name}/node-groups/{group}/<format>} and
 * {@code /api/v1/clusters/{name}/nodes/{node}/<format>}. The controller's mappings, the
 * fetch-token rule, the fetch meters and the user-data pointer's URL all come from here.
 */
final class DocumentRoutes {

	static final String CLUSTER = "/api/v1/clusters/{name}";

	static final String GROUPS = "node-groups";

	static final String NODES = "nodes";

	static final String GROUP = "/" + GROUPS + "/{group}/";

	static final String NODE = "/" + NODES + "/{node}/";

	static final String BUTANE = "butane";

	static final String IGNITION = "ignition";

	static final String KUBEADM = "kubeadm";

	static final String USER_DATA = "user-data";

	/**
	 * The routes of the documents a node boots with, as the controller maps them: a
	 * group's kubeadm, butane and ignition, a static node's butane and ignition (a static
	 * node has no kubeadm route of its own).
	 */
	static final Set<String> NODE_DOCUMENTS = Set.of(CLUSTER + GROUP + KUBEADM, CLUSTER + GROUP + BUTANE,
			CLUSTER + GROUP + IGNITION, CLUSTER + NODE + BUTANE, CLUSTER + NODE + IGNITION);

	/**
	 * Any segment counts here; whether the names exist is for the handler to say. The raw
	 * path is in normal form by the time anything reads it (no escapes, no parameters),
	 * so it is the path Spring routes.
	 */
	private static final Pattern DOCUMENT = Pattern
		.compile("/api/v1/clusters/([^/]+)/(" + GROUPS + "|" + NODES + ")/([^/]+)/([^/]+)");

	private DocumentRoutes() {
	}

	/** The document a request path names, if it names one. */
	static Optional<DocumentRoute> parse(String path) {
		Matcher matcher = DOCUMENT.matcher(path);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		DocumentTarget target = matcher.group(2).equals(GROUPS) ? new Group(matcher.group(3))
				: new Node(matcher.group(3));
		return DocumentFormat.ofSegment(matcher.group(4))
			.map((format) -> new DocumentRoute(matcher.group(1), target, format));
	}

	/** Where a target's document of this format is served, under {@code base}. */
	static URI url(URI base, String cluster, DocumentTarget target, DocumentFormat format) {
		return UriComponentsBuilder.fromUri(base)
			.pathSegment("api", "v1", "clusters", cluster, target.collection(), target.name(), format.segment())
			.build()
			.toUri();
	}

	/** A document path, taken apart. */
	record DocumentRoute(String cluster, DocumentTarget target, DocumentFormat format) {

		/**
		 * The route's pattern, as the controller's mapping spells it: the {@code uri} tag
		 * of its {@code http.server.requests} meters.
		 */
		String pattern() {
			return CLUSTER + ((target instanceof Group) ? GROUP : NODE) + format.segment();
		}

	}

}

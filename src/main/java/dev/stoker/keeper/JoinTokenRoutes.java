package dev.stoker.keeper;

import java.net.URI;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the join-token list is served: {@code /api/v1/clusters/{name}/join-tokens}, and
 * where keepers check in, {@code .../join-tokens/check-ins}. The controller's mappings,
 * the keeper credential's scope and the URL written into control-plane documents all come
 * from here.
 */
public final class JoinTokenRoutes {

	static final String LIST = "/api/v1/clusters/{name}/join-tokens";

	static final String CHECK_INS = "/check-ins";

	private JoinTokenRoutes() {
	}

	/** The cluster's join-token list under {@code base}, as a keeper reads it. */
	public static URI url(URI base, String cluster) {
		return UriComponentsBuilder.fromUri(base)
			.pathSegment("api", "v1", "clusters", cluster, "join-tokens")
			.build()
			.toUri();
	}

	/** The raw path of the cluster's list; the filter judges paths in normal form. */
	static String listPath(String cluster) {
		return "/api/v1/clusters/" + cluster + "/join-tokens";
	}

}

package dev.stoker.machines;

import java.net.URI;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where machines are listed, {@code /api/v1/clusters/{name}/machines}, and where they
 * report, {@code .../machines/reports}. The controller's mappings, the report
 * credential's scope and the URL written into documents all come from here.
 */
public final class MachineRoutes {

	static final String LIST = "/api/v1/clusters/{name}/machines";

	static final String REPORTS = "/reports";

	private MachineRoutes() {
	}

	/** Where the cluster's machines report, under {@code base}. */
	public static URI reportUrl(URI base, String cluster) {
		return UriComponentsBuilder.fromUri(base)
			.pathSegment("api", "v1", "clusters", cluster, "machines", "reports")
			.build()
			.toUri();
	}

	static String reportPath(String cluster) {
		return LIST.replace("{name}", cluster) + REPORTS;
	}

}

package dev.stoker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.stoker.json.Mappers;
import tools.jackson.databind.JsonNode;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static dev.stoker.SharedApplicationSetup.masterKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's own meters as Prometheus scrapes them, over HTTP without a token: renders
 * timed per format and node group, document fetches counted per format and status,
 * refused definitions counted; and not one name of a cluster, group that does not exist,
 * node, nor any secret in the whole scrape.
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusEndpointTest {

	/** Names that must never reach a label: a scrape containing one has leaked it. */
	private static final String CLUSTER = "canary-aws-cluster";

	private static final String METAL_CLUSTER = "canary-lab-cluster";

	private static final String NODE = "canary-node-one";

	private static final String MISSING_GROUP = "canary-missing-group";

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");

	private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * The shared application's registry holds the document meters of the test classes
	 * before this one, each of their groups a series: this class starts without them, as
	 * a fresh start would. DocumentMetrics registers its meters at each use, so removing
	 * them loses nothing it counts from now on.
	 */
	@BeforeAll
	void startWithoutDocumentMetersAndCreateClusters() throws Exception {
		registry.getMeters()
			.stream()
			.filter((meter) -> meter.getId().getName().startsWith("stoker.documents."))
			.toList()
			.forEach(registry::remove);
		assertThat(send("POST", "/api/v1/clusters", TestDefinitions.dualStackAws(CLUSTER), true).statusCode())
			.isEqualTo(201);
		String metal = Files.readString(Path.of("examples/metal-ipv6-first.yaml"))
			.replace("name: lab", "name: " + METAL_CLUSTER)
			.replace("cp-1", NODE);
		assertThat(send("POST", "/api/v1/clusters", metal, true, "Content-Type", "application/yaml").statusCode())
			.isEqualTo(201);
	}

	@Test
	void eachRenderIsTimedByFormatAndNodeGroup() throws Exception {
		Scrape before = scrape();
		for (String format : List.of("butane", "ignition", "kubeadm")) {
			assertThat(get(groupDocument(CLUSTER, "workers", format), true).statusCode()).isEqualTo(200);
		}
		assertThat(get(groupDocument(CLUSTER, "bootstrap", "ignition"), true).statusCode()).isEqualTo(200);
		// a static node's document is counted under its group, never under its own name
		assertThat(get("/api/v1/clusters/" + METAL_CLUSTER + "/nodes/" + NODE + "/ignition", true).statusCode())
			.isEqualTo(200);
		// failed renders are not timed: their names come from the URL, not a definition
		assertThat(get(groupDocument(CLUSTER, MISSING_GROUP, "ignition"), true).statusCode()).isEqualTo(404);
		Scrape after = scrape();

		String count = "stoker_documents_render_seconds_count";
		for (String format : List.of("butane", "ignition", "kubeadm")) {
			assertThat(after.delta(before, count, "format", format, "group", "workers")).as(format).isEqualTo(1);
		}
		assertThat(after.delta(before, count, "format", "ignition", "group", "bootstrap")).isEqualTo(2);
		assertThat(after.delta(before, count, "format", "butane", "group", "bootstrap")).isZero();
		assertThat(after.value("stoker_documents_render_seconds_sum", "format", "ignition", "group", "workers"))
			.isPositive();
		// buckets for latency objectives: histogram_quantile works on them
		assertThat(after.value("stoker_documents_render_seconds_bucket", "format", "ignition", "group", "workers", "le",
				"+Inf"))
			.isGreaterThanOrEqualTo(1);
		assertThat(after.labelValues("stoker_documents_render_seconds_count", "group")).isSubsetOf("bootstrap",
				"control-plane", "workers");
	}

	@Test
	void eachFetchIsCountedByFormatAndStatusIncludingRefusals() throws Exception {
		Scrape before = scrape();
		get(groupDocument(CLUSTER, "workers", "ignition"), true);
		get(groupDocument(CLUSTER, "workers", "ignition"), true);
		get(groupDocument(CLUSTER, "workers", "ignition"), false);
		get(groupDocument(CLUSTER, MISSING_GROUP, "butane"), true);
		get("/api/v1/clusters/" + METAL_CLUSTER + "/nodes/" + NODE + "/butane", true);
		// not a document: neither counted nor tagged
		get("/api/v1/clusters/" + CLUSTER, true);
		get(groupDocument(CLUSTER, "workers", "secret-sauce"), true);
		Scrape after = scrape();

		String fetches = "stoker_documents_fetches_total";
		assertThat(after.delta(before, fetches, "format", "ignition", "status", "200")).isEqualTo(2);
		assertThat(after.delta(before, fetches, "format", "ignition", "status", "401")).isEqualTo(1);
		assertThat(after.delta(before, fetches, "format", "butane", "status", "404")).isEqualTo(1);
		assertThat(after.delta(before, fetches, "format", "butane", "status", "200")).isEqualTo(1);
		assertThat(after.labelValues(fetches, "format")).isSubsetOf("butane", "ignition", "kubeadm");
	}

	@Test
	void refusedDefinitionsAreCountedWithoutTags() throws Exception {
		Scrape before = scrape();
		assertThat(send("POST", "/api/v1/clusters", "{\"name\": \"Not A Label\"}", true).statusCode()).isEqualTo(400);
		assertThat(send("PUT", "/api/v1/clusters/" + CLUSTER, TestDefinitions.dualStackAws("another-name"), true)
			.statusCode()).isEqualTo(400);
		// a body that is not JSON at all is malformed, not an invalid definition
		assertThat(send("POST", "/api/v1/clusters", "{", true).statusCode()).isEqualTo(400);
		Scrape after = scrape();

		assertThat(after.delta(before, "stoker_definitions_rejected_total")).isEqualTo(2);
	}

	@Test
	void theScrapeIsOpenAndNamesNoClusterNodeOrSecret() throws Exception {
		JsonNode init = Mappers.yaml()
			.readValues(Mappers.yaml().createParser(get(groupDocument(CLUSTER, "bootstrap", "kubeadm"), true).body()),
					JsonNode.class)
			.readAll()
			.get(0);
		String bootstrapToken = init.at("/bootstrapTokens/0/token").asString();
		assertThat(init.has("certificateKey")).as("a cluster created now uploads no certificates").isFalse();
		assertThat(bootstrapToken).isNotEmpty();
		get(groupDocument(CLUSTER, MISSING_GROUP, "ignition"), true);
		get(groupDocument(CLUSTER, "workers", "secret-sauce"), true);
		get("/api/v1/clusters/" + METAL_CLUSTER + "/nodes/" + NODE + "/ignition", false);

		HttpResponse<String> scrape = get("/actuator/prometheus", false);
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("stoker_documents_render_seconds_count", "stoker_documents_fetches_total",
				"stoker_definitions_rejected_total");
		// node documents are served ahead of Spring MVC, and still timed under their
		// route
		assertThat(scrape.body()).contains("uri=\"/api/v1/clusters/{name}/node-groups/{group}/kubeadm\"",
				"uri=\"/api/v1/clusters/{name}/node-groups/{group}/ignition\"");
		assertThat(scrape.body()).doesNotContain(CLUSTER, METAL_CLUSTER, NODE, MISSING_GROUP, "secret-sauce",
				adminToken(), masterKey(), bootstrapToken, bootstrapToken.substring(0, 6));
	}

	private static String groupDocument(String cluster, String group, String format) {
		return "/api/v1/clusters/" + cluster + "/node-groups/" + group + "/" + format;
	}

	private HttpResponse<String> get(String path, boolean authorized) throws Exception {
		return send("GET", path, null, authorized);
	}

	private HttpResponse<String> send(String method, String path, String body, boolean authorized, String... headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null && headers.length == 0) {
			request.header("Content-Type", "application/json");
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		if (authorized) {
			request.header("Authorization", "Bearer " + adminToken());
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private Scrape scrape() throws Exception {
		HttpResponse<String> response = get("/actuator/prometheus", false);
		assertThat(response.statusCode()).isEqualTo(200);
		return new Scrape(response.body());
	}

	/** Prometheus' text format, read one sample per line. */
	private record Scrape(String text) {

		double value(String name, String... labels) {
			Map<String, String> wanted = new LinkedHashMap<>();
			for (int i = 0; i < labels.length; i += 2) {
				wanted.put(labels[i], labels[i + 1]);
			}
			return samples(name).stream()
				.filter(s -> s.labels().entrySet().containsAll(wanted.entrySet()))
				.mapToDouble(Sample::value)
				.sum();
		}

		double delta(Scrape before, String name, String... labels) {
			return value(name, labels) - before.value(name, labels);
		}

		List<String> labelValues(String name, String label) {
			return samples(name).stream().map(s -> s.labels().get(label)).distinct().toList();
		}

		private List<Sample> samples(String name) {
			return text.lines()
				.map(SAMPLE::matcher)
				.filter(Matcher::matches)
				.filter(m -> m.group(1).equals(name))
				.map(m -> {
					Map<String, String> labels = new LinkedHashMap<>();
					Matcher label = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
					while (label.find()) {
						labels.put(label.group(1), label.group(2));
					}
					return new Sample(labels, Double.parseDouble(m.group(3)));
				})
				.toList();
		}

	}

	private record Sample(Map<String, String> labels, double value) {
	}

}

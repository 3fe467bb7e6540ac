package dev.stoker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas on one PostgreSQL database, each with its own cache of rendered documents:
 * once a PUT, a rotation or a delete and create through one replica is answered, the
 * other serves the new bytes on its very next fetch, although it served (and cached) the
 * old ones just before. A fetch token rotated through one replica is refused by the other
 * at once, although that one verified it (and kept it) just before. Its cache meters
 * count the hits and misses.
 */
class PostgresReplicaCacheTest {

	@RegisterExtension
	static final PostgresTestDatabase postgres = new PostgresTestDatabase();

	private static final String ADMIN_TOKEN = "replica-cache-test-admin-token";

	private static final String MASTER_KEY = "cmVwbGljYS1jYWNoZS10ZXN0LW1hc3Rlci1rZXktMzI=";

	private static final String CLUSTER = "/api/v1/clusters/cached";

	private static final String WORKERS = CLUSTER + "/node-groups/workers/ignition";

	private static final Pattern ROTATED_TOKEN = Pattern.compile("\"fetchToken\"\\s*:\\s*\"(stf\\.[^\"]+)\"");

	private static final Pattern GPU_TOKEN = Pattern.compile("\"gpu\"\\s*:\\s*\"(stf\\.[^\"]+)\"");

	private static final Pattern WORKERS_TOKEN = Pattern.compile("\"workers\"\\s*:\\s*\"(stf\\.[^\"]+)\"");

	@TempDir
	Path dataDirs;

	private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void stopReplicas() {
		replicas.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void aWriteAnsweredOnOneReplicaIsServedByTheOtherAtOnce() throws Exception {
		int writer = port(start("writer"));
		int reader = port(start("reader"));
		String token = workersToken(
				send(writer, "POST", "/api/v1/clusters", ADMIN_TOKEN, TestDefinitions.dualStackAws("cached"), 201));
		String first = fetchTwice(reader, token);
		assertThat(fetch(writer, token)).isEqualTo(first);

		// a PUT: another Kubernetes version in every document
		send(writer, "PUT", CLUSTER, ADMIN_TOKEN, TestDefinitions.dualStackAws("cached").replace("v1.33.2", "v1.33.3"),
				200);
		String afterPut = fetch(reader, token);
		assertThat(afterPut).isNotEqualTo(first).contains("v1.33.3").doesNotContain("v1.33.2");
		assertThat(fetchTwice(reader, token)).isEqualTo(afterPut);

		// a PUT that adds a group: the reader last saw a version without it, and its
		// token's first fetch there is served, not refused from that version
		String withGpu = TestDefinitions.dualStackAws("cached")
			.replace("v1.33.2", "v1.33.3")
			.replace("\"ssh\":", "\"nodeGroups\": [{\"name\": \"bootstrap\", \"role\": \"bootstrap\"},"
					+ " {\"name\": \"control-plane\", \"role\": \"control-plane\"},"
					+ " {\"name\": \"workers\", \"role\": \"worker\"}, {\"name\": \"gpu\", \"role\": \"worker\"}],"
					+ " \"ssh\":");
		Matcher gpuToken = GPU_TOKEN.matcher(send(writer, "PUT", CLUSTER, ADMIN_TOKEN, withGpu, 200));
		assertThat(gpuToken.find()).as("the gpu group's fetch token").isTrue();
		assertThat(send(reader, "GET", CLUSTER + "/node-groups/gpu/ignition", gpuToken.group(1), null, 200))
			.contains("v1.33.3");
		afterPut = fetch(reader, token);

		// a rotation: another bootstrap token, the same definition
		send(writer, "POST", CLUSTER + "/secrets/rotate", ADMIN_TOKEN, "{\"bootstrapToken\": true}", 200);
		String afterRotation = fetch(reader, token);
		assertThat(afterRotation).isNotEqualTo(afterPut);
		assertThat(fetch(writer, token)).isEqualTo(afterRotation);

		// the workers' fetch token rotated: the reader kept the old one as verified
		String rotatedToken = send(writer, "POST", CLUSTER + "/node-groups/workers/fetch-token/rotate", ADMIN_TOKEN,
				null, 200);
		Matcher rotatedMatch = ROTATED_TOKEN.matcher(rotatedToken);
		assertThat(rotatedMatch.find()).as("the rotated fetch token in %s", "the answer").isTrue();
		String newToken = rotatedMatch.group(1);
		send(reader, "GET", WORKERS, token, null, 401);
		// a refusal, too, is the revoked token's 401, not the 403 of a current one
		send(reader, "GET", CLUSTER + "/node-groups/control-plane/ignition", token, null, 401);
		assertThat(fetch(reader, newToken)).isEqualTo(afterRotation);
		token = newToken;
		fetch(reader, token);

		// deleted and created again under its name: revision 1 again, but other secrets
		send(writer, "DELETE", CLUSTER, ADMIN_TOKEN, null, 204);
		send(reader, "GET", WORKERS, token, null, 401);
		String again = workersToken(
				send(writer, "POST", "/api/v1/clusters", ADMIN_TOKEN, TestDefinitions.dualStackAws("cached"), 201));
		send(reader, "GET", WORKERS, token, null, 401);
		String recreated = fetch(reader, again);
		assertThat(recreated).isNotEqualTo(first).isNotEqualTo(afterRotation);
		assertThat(fetch(writer, again)).isEqualTo(recreated);

		String metrics = send(reader, "GET", "/actuator/prometheus", null, null, 200);
		assertThat(counter(metrics, "stoker.documents", "hit")).isGreaterThanOrEqualTo(2);
		assertThat(counter(metrics, "stoker.documents", "miss")).isGreaterThanOrEqualTo(4);
		assertThat(metrics).contains("cache=\"stoker.definitions\"").contains("cache=\"stoker.secrets\"");
	}

	/** Fetches twice, the second time from the cache, and checks both are the same. */
	private String fetchTwice(int port, String token) throws Exception {
		String body = fetch(port, token);
		assertThat(fetch(port, token)).isEqualTo(body);
		return body;
	}

	private String fetch(int port, String token) throws Exception {
		return send(port, "GET", WORKERS, token, null, 200);
	}

	private static double counter(String metrics, String cache, String result) {
		Matcher matcher = Pattern
			.compile("cache_gets_total\\{[^}]*cache=\"" + Pattern.quote(cache) + "\"[^}]*result=\"" + result
					+ "\"[^}]*} ([0-9.E]+)")
			.matcher(metrics);
		assertThat(matcher.find()).as("cache_gets_total of %s, %s in%n%s", cache, result, metrics).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

	private static String workersToken(String created) {
		Matcher matcher = WORKERS_TOKEN.matcher(created);
		assertThat(matcher.find()).as("the workers' fetch token").isTrue();
		return matcher.group(1);
	}

	private ConfigurableApplicationContext start(String name) throws Exception {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--stoker.data-dir=" + Files.createDirectories(dataDirs.resolve(name)),
				"--stoker.admin.token=" + ADMIN_TOKEN, "--stoker.master.key=" + MASTER_KEY,
				// replicas behind one address: documents name it (where their machines
				// report)
				"--stoker.public-url=https://stoker.example.com"));
		args.addAll(postgres.commandLineArguments());
		ConfigurableApplicationContext replica = new SpringApplication(StokerApplication.class)
			.run(args.toArray(String[]::new));
		replicas.add(replica);
		return replica;
	}

	private static int port(ConfigurableApplicationContext replica) {
		return Integer.parseInt(replica.getEnvironment().getRequiredProperty("local.server.port"));
	}

	private String send(int port, String method, String path, String token, String body, int status) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(status);
		return response.body();
	}

}

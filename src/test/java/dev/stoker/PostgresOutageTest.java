package dev.stoker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL going away under a running replica, and coming back. The pool's connections
 * die and no new one can be made: readiness turns DOWN and the API answers 503 with
 * Retry-After, both within the chart's 3 s probe timeout because the pool gives up after
 * its 2 s connection timeout (Hikari's default would hold every request for 30 s), while
 * liveness stays UP so that nothing restarts the pod. When the database is back, so is
 * the replica, by itself.
 * <p>
 * An application of its own rather than the shared one: its database is reached through a
 * relay the test cuts, and its context is closed after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PostgresOutageTest {

	private static final String TOKEN = "outage-test-admin-token";

	@RegisterExtension
	static final PostgresTestDatabase postgres = new PostgresTestDatabase();

	@TempDir
	static Path dataDir;

	@RegisterExtension
	static final RelayedPostgres database = new RelayedPostgres(postgres);

	@DynamicPropertySource
	static void throughTheRelay(DynamicPropertyRegistry registry) {
		database.registerApplication(registry, dataDir, TOKEN);
	}

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private TimedAnswer get(String path) throws Exception {
		return TimedAnswer.get(http, port, path, TOKEN);
	}

	@Test
	void aReplicaLeavesTheServiceWhileTheDatabaseIsGoneAndComesBackWithIt() throws Exception {
		assertThat(http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/clusters"))
				.header("Authorization", "Bearer " + TOKEN)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(TestDefinitions.dualStackAws("survives-outage")))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(201);
		assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);

		database.relay().cut();
		TimedAnswer readiness = get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(503);
		assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
		assertThat(readiness.took()).isLessThan(TimedAnswer.PROBE_TIMEOUT);
		TimedAnswer liveness = get("/actuator/health/liveness");
		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.took()).isLessThan(TimedAnswer.PROBE_TIMEOUT);
		TimedAnswer cluster = get("/api/v1/clusters/survives-outage");
		assertThat(cluster.status()).isEqualTo(503);
		assertThat(cluster.body()).contains("urn:stoker:problem:unavailable");
		assertThat(cluster.retryAfter()).isNotNull();
		assertThat(cluster.took()).isLessThan(TimedAnswer.PROBE_TIMEOUT);

		// each of these opens a transaction: with no connection to be had, Spring throws
		// CannotCreateTransactionException, which once answered 500
		for (String[] call : new String[][] { { "POST", "/api/v1/clusters" },
				{ "PUT", "/api/v1/clusters/survives-outage" },
				{ "GET", "/api/v1/clusters/survives-outage/node-groups/workers/ignition" },
				{ "GET", "/api/v1/clusters/survives-outage/node-groups/workers/user-data" },
				{ "POST", "/api/v1/clusters/survives-outage/node-groups/workers/fetch-token/rotate" },
				{ "POST", "/api/v1/clusters/survives-outage/secrets/rotate" },
				{ "GET", "/api/v1/clusters/survives-outage/audit" },
				{ "DELETE", "/api/v1/clusters/survives-outage" } }) {
			HttpResponse<String> answer = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + call[1]))
						.header("Authorization", "Bearer " + TOKEN)
						.header("Content-Type", "application/json")
						.method(call[0], HttpRequest.BodyPublishers.ofString(call[1].endsWith("rotate")
								? "{\"bootstrapToken\": true}" : TestDefinitions.dualStackAws("survives-outage")))
						.timeout(Duration.ofSeconds(60))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(call[0] + " " + call[1]).isEqualTo(503);
			assertThat(answer.body()).as(call[1]).contains("urn:stoker:problem:unavailable");
			assertThat(answer.headers().firstValue("Retry-After")).as(call[1]).isPresent();
		}

		database.relay().restore();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (get("/actuator/health/readiness").status() != 200) {
			assertThat(System.nanoTime()).as("ready again within 30 s").isLessThan(deadline);
			Thread.sleep(200);
		}
		assertThat(get("/api/v1/clusters/survives-outage").status()).isEqualTo(200);
	}

}

package dev.stoker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.stoker.database.ReadinessQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness with a database that takes connections and never answers, as a server behind
 * a dead route or a frozen one does: every connection the pool asks for waits out its
 * connection timeout (2 s). Both readiness contributors need the database (the store's
 * and the master key's), and the probe must still answer DOWN within the chart's 3 s
 * probe timeout: the wait is made once, not once for each.
 * <p>
 * The database is a socket that the kernel accepts connections on and nobody reads;
 * Flyway is off, so the application starts without it. That database is why it has an
 * application of its own rather than the shared one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.flyway.enabled=false", "spring.datasource.hikari.initialization-fail-timeout=-1",
				"stoker.admin.token=" + SilentDatabaseProbesTest.TOKEN })
class SilentDatabaseProbesTest {

	static final String TOKEN = "silent-database-test-admin-token";

	/** Hikari's connection timeout as application.properties sets it. */
	private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

	private static ServerSocket silent;

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void silentDatabase(DynamicPropertyRegistry registry) throws IOException {
		silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/stoker");
		registry.add("stoker.data-dir", dataDir::toString);
	}

	@AfterAll
	static void closeTheSocket() throws IOException {
		silent.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	ReadinessQuery readinessQuery;

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * Probes as the kubelet makes them, on a running replica: the first request of a new
	 * application also loads the health endpoint's classes, so it is made first and its
	 * time not held to the probe's.
	 */
	@Test
	void readinessWaitsForTheDatabaseOnceAndIsDownWithinTheProbeTimeout() throws Exception {
		assertThat(TimedAnswer.get(http, port, "/actuator/health/readiness", TOKEN).status()).isEqualTo(503);
		untilTheFailureIsNoLongerKept();
		for (int probe = 1; probe <= 3; probe++) {
			TimedAnswer readiness = TimedAnswer.get(http, port, "/actuator/health/readiness", TOKEN);

			assertThat(readiness.status()).as("probe %d", probe).isEqualTo(503);
			assertThat(readiness.body()).as("probe %d", probe).isEqualTo("{\"status\":\"DOWN\"}");
			assertThat(readiness.took()).as("probe %d", probe)
				.isGreaterThanOrEqualTo(CONNECTION_TIMEOUT)
				.isLessThan(TimedAnswer.PROBE_TIMEOUT);
			// the next probe, as the chart's would, after the failure is no longer kept
			untilTheFailureIsNoLongerKept();
		}
	}

	private void untilTheFailureIsNoLongerKept() {
		await().atMost(Duration.ofSeconds(5)).until(() -> !readinessQuery.remembersUnreachable());
	}

	@Test
	void livenessDoesNotWait() throws Exception {
		TimedAnswer liveness = TimedAnswer.get(http, port, "/actuator/health/liveness", TOKEN);

		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.took()).isLessThan(CONNECTION_TIMEOUT);
	}

}

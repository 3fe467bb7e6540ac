package dev.stoker;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes with a database that was never there: readiness includes the database and
 * answers 503, so the pod leaves the Service; liveness does not, so the pod is not
 * restarted for another system's outage. It needs no PostgreSQL server, so it runs in
 * every build; PostgresOutageTest shows the same for a database lost under a running
 * replica, and that the pool's connection timeout keeps it within the probe timeout.
 * <p>
 * The database is a PostgreSQL URL on a port nothing listens on. Flyway is off, so the
 * application starts without it: nothing else connects before a request does. That
 * database is why it has an application of its own rather than the shared one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.flyway.enabled=false", "stoker.admin.token=" + HealthProbesTest.TOKEN })
class HealthProbesTest {

	static final String TOKEN = "health-probes-test-admin-token";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void unreachableDatabase(DynamicPropertyRegistry registry) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + closedPort + "/stoker");
		registry.add("stoker.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private TimedAnswer get(String path) throws Exception {
		return TimedAnswer.get(http, port, path, TOKEN);
	}

	@Test
	void readinessIsDownWithinTheProbeTimeout() throws Exception {
		TimedAnswer readiness = get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(503);
		assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
		assertThat(readiness.took()).isLessThan(TimedAnswer.PROBE_TIMEOUT);
	}

	@Test
	void livenessStaysUp() throws Exception {
		TimedAnswer liveness = get("/actuator/health/liveness");
		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"status\":\"UP\"");
		assertThat(liveness.took()).isLessThan(TimedAnswer.PROBE_TIMEOUT);
	}

	@Test
	void theApiAnswers503() throws Exception {
		TimedAnswer clusters = get("/api/v1/clusters");
		assertThat(clusters.status()).isEqualTo(503);
		assertThat(clusters.body()).contains("urn:stoker:problem:unavailable");
		assertThat(clusters.took()).isLessThan(TimedAnswer.PROBE_TIMEOUT);
	}

}

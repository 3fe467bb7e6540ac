package dev.stoker.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.stoker.DataDirectory;
import dev.stoker.H2TestDatabase;
import dev.stoker.TestDefinitions;
import dev.stoker.problem.RetryAfter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database on a disk that fills up under a running Stoker, and is freed
 * again: the default URL's settings, on a file system ({@link FullDisk}) whose writes
 * fail while it is full. H2 then closes its store; before, the pool kept its dead
 * connections and every call answered 503 until a restart, while both probes said UP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FullDiskTest.Volumes.class)
@DirtiesContext
class FullDiskTest {

	private static final String TOKEN = "full-disk-test-admin-token";

	private static final Path dataDir = DataDirectory.create("full-disk");

	@DynamicPropertySource
	static void onTheFullDisk(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url",
				() -> FullDisk.url(dataDir, "stoker", H2TestDatabase.applicationSettings()));
		registry.add("stoker.data-dir", dataDir::toString);
		registry.add("stoker.admin.token", () -> TOKEN);
	}

	/**
	 * The data directory's volume as liveness sees it: the disk H2 writes to, or, to show
	 * H2 failing alone, the real disk under it, which has space.
	 */
	static final class Volume implements DataVolume {

		private final DataVolume realDisk;

		private volatile boolean h2Alone;

		Volume(DataVolume realDisk) {
			this.realDisk = realDisk;
		}

		@Override
		public boolean takesWrites() {
			return h2Alone ? realDisk.takesWrites() : FullDisk.takesWrites(dataDir);
		}

	}

	@TestConfiguration
	static class Volumes {

		@Bean
		@Primary
		Volume volume(DataDirectoryVolume realDisk) {
			return new Volume(realDisk);
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	Volume volume;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void freeTheDisk() {
		FullDisk.free();
		volume.h2Alone = false;
	}

	@Test
	void aFullDiskTakesTheReplicaOutOfServiceAndOnceSpaceIsFreedItRecoversByItself() throws Exception {
		assertThat(call("POST", "/api/v1/clusters", TestDefinitions.dualStackAws("before")).status()).isEqualTo(201);
		Answer before = call("GET", "/api/v1/clusters/before", null);
		assertThat(before.status()).isEqualTo(200);

		FullDisk.fill();
		for (String[] write : WRITES) {
			Answer answer = call(write[0], write[1], write[2]);
			assertThat(answer.status()).as(write[0] + " " + write[1]).isEqualTo(503);
			assertThat(answer.retryAfter()).as(write[1]).isEqualTo(RetryAfter.SECONDS);
			assertThat(answer.body()).as(write[1]).contains("\"type\":\"urn:stoker:problem:unavailable\"");
		}
		// each failed write closed the store; a read opens it again, as it needs no space
		assertThat(call("GET", "/api/v1/clusters/before", null)).isEqualTo(before);
		assertThat(call("GET", "/actuator/health/readiness", null).body()).isEqualTo("{\"status\":\"DOWN\"}");
		// a restart could not help: Stoker would not even start on a full disk
		assertThat(call("GET", "/actuator/health/liveness", null).body()).isEqualTo("{\"status\":\"UP\"}");

		FullDisk.free();
		// at once, with no call failing first
		assertThat(call("GET", "/actuator/health/readiness", null).body()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(call("GET", "/api/v1/clusters/before", null)).isEqualTo(before);
		assertThat(call("GET", "/api/v1/clusters/during", null).status()).isEqualTo(404);
		assertThat(call("POST", "/api/v1/clusters", TestDefinitions.dualStackAws("after")).status()).isEqualTo(201);
		assertThat(call("GET", "/api/v1/clusters/after", null).status()).isEqualTo(200);
		assertThat(call("GET", "/actuator/health/liveness", null).body()).isEqualTo("{\"status\":\"UP\"}");
	}

	@Test
	void anEmbeddedDatabaseThatCannotWriteWhileTheDiskCanFailsLivenessUntilItWritesAgain() throws Exception {
		assertThat(call("POST", "/api/v1/clusters", TestDefinitions.dualStackAws("stuck")).status()).isEqualTo(201);

		FullDisk.fill();
		volume.h2Alone = true;
		assertThat(call("DELETE", "/api/v1/clusters/stuck", null).status()).isEqualTo(503);
		assertThat(call("GET", "/actuator/health/liveness", null))
			.isEqualTo(new Answer(503, "{\"status\":\"DOWN\"}", null));
		assertThat(call("GET", "/actuator/health/readiness", null).status()).isEqualTo(503);

		FullDisk.free();
		assertThat(call("GET", "/actuator/health/liveness", null).body()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(call("GET", "/actuator/health/readiness", null).body()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(call("GET", "/api/v1/clusters/stuck", null).status()).isEqualTo(200);
	}

	/** Every kind of write, each answered with a write to the database. */
	private static final List<String[]> WRITES = List.of(
			new String[] { "POST", "/api/v1/clusters", TestDefinitions.dualStackAws("during") },
			new String[] { "PUT", "/api/v1/clusters/before",
					TestDefinitions.dualStackAws("before").replace("k8s-int.", "k8s-api.") },
			// an answer that holds a secret is audited first
			new String[] { "GET", "/api/v1/clusters/before/node-groups/workers/ignition", null },
			new String[] { "POST", "/api/v1/clusters/before/node-groups/workers/fetch-token/rotate", null },
			new String[] { "POST", "/api/v1/clusters/before/secrets/rotate", "{\"bootstrapToken\": true}" },
			new String[] { "DELETE", "/api/v1/clusters/before", null });

	private record Answer(int status, String body, String retryAfter) {
	}

	private Answer call(String method, String path, String json) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body(),
				response.headers().firstValue("Retry-After").orElse(null));
	}

}

package dev.stoker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas on one PostgreSQL database, as the Helm chart runs them: they share
 * nothing but the database and the settings every replica gets (admin token, master key).
 * Refreshed at the same moment, Flyway migrates once (its lock makes the other wait) and
 * both come up; a cluster created through one is served by the other, documents byte for
 * byte the same, its secrets decrypted under the shared master key.
 * <p>
 * It starts two applications of its own rather than using the shared ones: their starting
 * together is the test.
 */
class PostgresReplicasTest {

	@RegisterExtension
	static final PostgresTestDatabase postgres = new PostgresTestDatabase();

	private static final String ADMIN_TOKEN = "replicas-test-admin-token";

	/** Base64 of 32 bytes, the same for both replicas as STOKER_MASTER_KEY would be. */
	private static final String MASTER_KEY = "cmVwbGljYXMtc2hhcmUtb25lLW1hc3Rlci1rZXktMzI=";

	private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

	@TempDir
	Path dataDirs;

	private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void stopReplicas() {
		replicas.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void twoReplicasStartedTogetherMigrateOnceAndServeEachOthersClusters() throws Exception {
		// Logging is set up once per JVM and Boot's Logback set-up is not safe to run
		// twice
		// at once (a replica then failed with "no conversion class registered for
		// [%clr]"),
		// whereas real replicas are JVMs of their own. So the second starts once the
		// first
		// has set up its logging, and both refresh their contexts, where Flyway migrates,
		// together.
		CyclicBarrier together = new CyclicBarrier(2);
		CountDownLatch firstHasLogging = new CountDownLatch(1);
		ExecutorService starters = Executors.newFixedThreadPool(2);
		try {
			List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
			Path first = Files.createDirectories(dataDirs.resolve("replica-a"));
			Path second = Files.createDirectories(dataDirs.resolve("replica-b"));
			starting.add(starters.submit(() -> start(first, () -> {
				firstHasLogging.countDown();
				await(together);
			})));
			starting.add(starters.submit(() -> {
				assertThat(firstHasLogging.await(3, TimeUnit.MINUTES)).as("the first replica set up its logging")
					.isTrue();
				return start(second, () -> await(together));
			}));
			// collect every replica that started, so that all of them are stopped
			List<Exception> failures = new ArrayList<>();
			for (Future<ConfigurableApplicationContext> replica : starting) {
				try {
					replicas.add(replica.get(3, TimeUnit.MINUTES));
				}
				catch (Exception ex) {
					failures.add(ex);
				}
			}
			assertThat(failures).as("replicas that failed to start").isEmpty();
		}
		finally {
			starters.shutdownNow();
		}

		assertThat(JdbcClient.create(postgres.dataSource())
			.sql("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL AND success")
			.query(String.class)
			.list()).containsExactlyInAnyOrderElementsOf(migrationVersions());
		assertThat(JdbcClient.create(postgres.dataSource())
			.sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success")
			.query(Long.class)
			.single()).isZero();

		int first = port(replicas.get(0));
		int second = port(replicas.get(1));
		HttpResponse<String> created = send(first, "POST", "/api/v1/clusters",
				TestDefinitions.dualStackAws("shared-by-replicas"));
		assertThat(created.statusCode()).isEqualTo(201);

		for (String path : List.of("/api/v1/clusters/shared-by-replicas",
				"/api/v1/clusters/shared-by-replicas/node-groups/bootstrap/ignition")) {
			HttpResponse<String> fromFirst = send(first, "GET", path, null);
			HttpResponse<String> fromSecond = send(second, "GET", path, null);
			assertThat(fromFirst.statusCode()).as(path).isEqualTo(200);
			assertThat(fromSecond.statusCode()).as(path).isEqualTo(200);
			assertThat(fromSecond.body()).as(path).isEqualTo(fromFirst.body());
		}
		assertThat(send(second, "GET", "/api/v1/clusters/shared-by-replicas", null).headers().firstValue("ETag"))
			.isEqualTo(created.headers().firstValue("ETag"));
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(1, TimeUnit.MINUTES);
		}
		catch (Exception ex) {
			throw new IllegalStateException("the other replica did not reach its context refresh", ex);
		}
	}

	/**
	 * Starts a replica, calling {@code beforeRefresh} once its logging is set up (Boot's
	 * logging listener runs on the environment-prepared event) and before its context is
	 * refreshed.
	 */
	private static ConfigurableApplicationContext start(Path dataDir, Runnable beforeRefresh) {
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--spring.main.banner-mode=off", "--stoker.data-dir=" + dataDir,
						"--stoker.admin.token=" + ADMIN_TOKEN, "--stoker.master.key=" + MASTER_KEY,
						// as behind one load balancer: control-plane documents name the
						// URL
						// their keeper reaches Stoker at
						"--stoker.public-url=https://stoker.example.com"));
		args.addAll(postgres.commandLineArguments());
		SpringApplication application = new SpringApplication(StokerApplication.class);
		application.addListeners((ApplicationEvent event) -> {
			if (event instanceof ApplicationPreparedEvent) {
				beforeRefresh.run();
			}
		});
		return application.run(args.toArray(String[]::new));
	}

	/**
	 * The versions of the migrations in the sources, so that a new one is expected too.
	 */
	private static List<String> migrationVersions() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
			List<String> versions = files.map(f -> MIGRATION.matcher(f.getFileName().toString()))
				.filter(Matcher::matches)
				.map(m -> m.group(1))
				.toList();
			assertThat(versions).isNotEmpty();
			return versions;
		}
	}

	private static int port(ConfigurableApplicationContext replica) {
		return Integer.parseInt(replica.getEnvironment().getRequiredProperty("local.server.port"));
	}

	private HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.headers("Content-Type", "application/json");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}

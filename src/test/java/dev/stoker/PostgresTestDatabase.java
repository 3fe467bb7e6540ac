package dev.stoker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A PostgreSQL schema of its own for each test class. Register it on a static field:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final PostgresTestDatabase postgres = new PostgresTestDatabase();
 * </pre>
 *
 * The server is a Testcontainers PostgreSQL when a Docker engine answers, else the one
 * named by {@code STOKER_TEST_JDBC_URL} (user {@code STOKER_TEST_JDBC_USER}, default
 * postgres; password {@code STOKER_TEST_JDBC_PASSWORD}, optional). With neither, the test
 * class is skipped, or fails when {@code STOKER_REQUIRE_POSTGRES=true}, which CI sets so
 * that a missing database cannot pass for a green build.
 * <p>
 * Before the class runs, a schema with a random name is created (so reruns and concurrent
 * builds on one server never see each other's rows); after it, the schema is dropped with
 * everything in it. Plain JDBC tests use {@link #dataSource()}; Spring tests call
 * {@link #registerProperties} from a {@code @DynamicPropertySource} method, or extend
 * {@link PostgresIntegrationTest}.
 */
public final class PostgresTestDatabase implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

	static final String URL_VARIABLE = "STOKER_TEST_JDBC_URL";

	static final String USER_VARIABLE = "STOKER_TEST_JDBC_USER";

	static final String PASSWORD_VARIABLE = "STOKER_TEST_JDBC_PASSWORD";

	static final String REQUIRE_VARIABLE = "STOKER_REQUIRE_POSTGRES";

	/**
	 * The major version production is expected to run; the CI server runs the same one.
	 */
	private static final DockerImageName IMAGE = DockerImageName.parse("postgres:15-alpine");

	private static final Logger log = LoggerFactory.getLogger(PostgresTestDatabase.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static Server server;

	private static String unavailable;

	/**
	 * Whether the schema serves the whole test run rather than one class: made before the
	 * first class that registers this instance, dropped when the JVM ends.
	 */
	private final boolean forTheTestRun;

	private String schema;

	private HikariDataSource dataSource;

	/** A schema of its own for each test class that registers this instance. */
	public PostgresTestDatabase() {
		this(false);
	}

	private PostgresTestDatabase(boolean forTheTestRun) {
		this.forTheTestRun = forTheTestRun;
	}

	/**
	 * One schema for every test class that registers the returned instance, made before
	 * the first of them and dropped when the JVM ends, so that they can share one
	 * application context (see {@link PostgresIntegrationTest}). Each class still is
	 * skipped, or fails, on its own when there is no server.
	 */
	public static PostgresTestDatabase forTheTestRun() {
		return new PostgresTestDatabase(true);
	}

	/**
	 * Skips the class when there is no server and none is required. Deciding here, before
	 * the class starts, reports each test as skipped with the reason, and keeps a Spring
	 * test from trying to start an application without a database.
	 */
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (context.getTestMethod().isPresent() || lookUp() != null || required()) {
			return ConditionEvaluationResult.enabled("a PostgreSQL server is available, or required");
		}
		String reason = missing() + " Skipped; " + REQUIRE_VARIABLE + "=true makes this a failure.";
		log.warn("{}: {}", context.getDisplayName(), reason);
		return ConditionEvaluationResult.disabled(reason);
	}

	@Override
	public synchronized void beforeAll(ExtensionContext context) throws SQLException {
		if (forTheTestRun && schema != null) {
			return;
		}
		Server found = lookUp();
		if (found == null) {
			throw new IllegalStateException(
					missing() + " " + REQUIRE_VARIABLE + "=true, so this is a failure rather than a skip.");
		}
		byte[] random = new byte[8];
		RANDOM.nextBytes(random);
		String name = "stoker_test_" + HexFormat.of().formatHex(random);
		try (Connection connection = found.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + name);
		}
		this.schema = name;
		if (forTheTestRun) {
			log.info("The test run's application tests run in schema {} on {}", name, found);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> dropAtExit(name), "postgres-test-schema-drop"));
		}
		else {
			log.info("{} runs in schema {} on {}", context.getDisplayName(), name, found);
		}
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) throws SQLException {
		if (schema == null) {
			return;
		}
		if (dataSource != null) {
			dataSource.close();
			dataSource = null;
		}
		if (forTheTestRun) {
			return;
		}
		try {
			drop(schema);
		}
		finally {
			schema = null;
		}
	}

	private static void drop(String schema) throws SQLException {
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			// Spring's pool may still hold idle connections to the schema; they hold no
			// locks, but a connection left inside a transaction would, and the drop must
			// not wait for it forever.
			statement.execute("SET lock_timeout = '30s'");
			statement.execute("DROP SCHEMA " + schema + " CASCADE");
		}
	}

	/**
	 * Best effort: the JVM is ending, and a Testcontainers server may already be stopping
	 * (with everything in it) in a shutdown hook of its own.
	 */
	private static void dropAtExit(String schema) {
		try {
			drop(schema);
		}
		catch (SQLException ex) {
			// nothing left to report to: the test run is over
		}
	}

	/**
	 * The schema this test class owns; every connection from here has it as its current
	 * schema.
	 */
	public String schema() {
		return requireSchema();
	}

	public String jdbcUrl() {
		return withParameter(server.jdbcUrl(), "currentSchema", requireSchema());
	}

	public String username() {
		return server.username();
	}

	public String password() {
		return server.password();
	}

	/**
	 * A pooled data source whose connections work in this class's schema; closed after
	 * the class.
	 */
	public synchronized DataSource dataSource() {
		if (dataSource == null) {
			HikariDataSource pool = new HikariDataSource();
			pool.setPoolName("postgres-" + requireSchema());
			pool.setJdbcUrl(jdbcUrl());
			pool.setUsername(username());
			pool.setPassword(password());
			// enough for the concurrency tests' threads to hold a connection each at
			// the same time
			pool.setMaximumPoolSize(24);
			pool.setMinimumIdle(0);
			dataSource = pool;
		}
		return dataSource;
	}

	/**
	 * Points a Spring application at this class's schema: data source, and Flyway's
	 * schema (which is also where its history table goes).
	 */
	public void registerProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", this::jdbcUrl);
		registry.add("spring.datasource.username", this::username);
		registry.add("spring.datasource.password", this::password);
		registry.add("spring.flyway.schemas", this::schema);
		registry.add("spring.flyway.default-schema", this::schema);
	}

	/**
	 * The same as {@link #registerProperties}, as command-line arguments for an
	 * application started with {@code SpringApplication.run}.
	 */
	public List<String> commandLineArguments() {
		List<String> arguments = new ArrayList<>(
				List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=" + username(),
						"--spring.flyway.schemas=" + schema(), "--spring.flyway.default-schema=" + schema()));
		if (password() != null) {
			arguments.add("--spring.datasource.password=" + password());
		}
		return arguments;
	}

	private String requireSchema() {
		if (schema == null) {
			throw new IllegalStateException("No PostgreSQL schema yet: register PostgresTestDatabase on a static "
					+ "@RegisterExtension field, so that it runs before the test class does");
		}
		return schema;
	}

	/** The server, or null when there is none; looked for once per test run. */
	private static synchronized Server lookUp() {
		if (server == null && unavailable == null) {
			List<String> reasons = new ArrayList<>();
			server = locate(reasons);
			unavailable = (server != null) ? null : String.join("; ", reasons);
		}
		return server;
	}

	private static String missing() {
		return "No PostgreSQL to test against: " + unavailable + ". Start a Docker engine (Testcontainers then runs "
				+ IMAGE + "), or set " + URL_VARIABLE + " to a server's database, e.g. " + URL_VARIABLE
				+ "=jdbc:postgresql://127.0.0.1:5432/test (user from " + USER_VARIABLE + ", default postgres; "
				+ "password from " + PASSWORD_VARIABLE + ", if it needs one).";
	}

	private static boolean required() {
		return Boolean.parseBoolean(setting(REQUIRE_VARIABLE));
	}

	private static Server locate(List<String> reasons) {
		String noDocker = whyNoDocker();
		if (noDocker == null) {
			try {
				return Server.container();
			}
			catch (RuntimeException ex) {
				reasons.add("a Docker engine answered, but " + IMAGE + " did not start (" + ex.getMessage() + ")");
			}
		}
		else {
			reasons.add(noDocker);
		}
		String url = setting(URL_VARIABLE);
		if (url == null || url.isBlank()) {
			reasons.add(URL_VARIABLE + " is not set");
			return null;
		}
		String user = setting(USER_VARIABLE);
		Server named = new Server(url.strip(), (user == null || user.isBlank()) ? "postgres" : user,
				setting(PASSWORD_VARIABLE));
		try (Connection connection = named.connect()) {
			return named;
		}
		catch (SQLException ex) {
			reasons.add("cannot connect to " + named.redactedUrl() + " as " + named.username() + " (" + ex.getMessage()
					+ ")");
			return null;
		}
	}

	/**
	 * Why Testcontainers cannot be used, or null when it can. Testcontainers only gets
	 * asked when something that looks like a Docker engine is configured: asked without
	 * one, it tries every strategy it knows and logs a stack trace for each.
	 */
	private static String whyNoDocker() {
		if (!dockerConfigured()) {
			return "no Docker engine (DOCKER_HOST is not set and there is no Docker socket)";
		}
		CompletableFuture<Boolean> available = CompletableFuture
			.supplyAsync(() -> DockerClientFactory.instance().isDockerAvailable());
		try {
			return available.get(60, TimeUnit.SECONDS) ? null : "the Docker engine does not answer";
		}
		catch (TimeoutException ex) {
			return "the Docker engine did not answer within 60 seconds";
		}
		catch (ExecutionException ex) {
			return "the Docker engine cannot be used (" + ex.getCause() + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted while looking for a Docker engine";
		}
	}

	private static boolean dockerConfigured() {
		if (setting("DOCKER_HOST") != null || System.getProperty("os.name", "").startsWith("Windows")) {
			return true;
		}
		Path home = Path.of(System.getProperty("user.home"));
		List<Path> candidates = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"), Path.of("/run/docker.sock"),
				home.resolve(".testcontainers.properties"), home.resolve(".docker/run/docker.sock"),
				home.resolve(".docker/desktop/docker.sock"), home.resolve(".rd/docker.sock"),
				home.resolve(".colima/default/docker.sock")));
		String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
		if (runtimeDir != null) {
			candidates.add(Path.of(runtimeDir, "docker.sock"));
			candidates.add(Path.of(runtimeDir, "podman/podman.sock"));
		}
		return candidates.stream().anyMatch(Files::exists);
	}

	/**
	 * An environment variable, or the system property of the same name (handy in an IDE).
	 */
	private static String setting(String name) {
		String value = System.getenv(name);
		return (value != null) ? value : System.getProperty(name);
	}

	private static String withParameter(String url, String name, String value) {
		return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
	}

	/** A PostgreSQL server the tests may create schemas in. */
	private record Server(String jdbcUrl, String username, String password) {

		static Server container() {
			PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-test-container-stop"));
			return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}

		Connection connect() throws SQLException {
			Properties properties = new Properties();
			properties.setProperty("user", username);
			if (password != null) {
				properties.setProperty("password", password);
			}
			// a server that does not answer must fail the test run, not hang it
			properties.setProperty("connectTimeout", "10");
			properties.setProperty("loginTimeout", "10");
			return DriverManager.getConnection(jdbcUrl, properties);
		}

		/** The URL without its query, which may carry a password. */
		String redactedUrl() {
			int query = jdbcUrl.indexOf('?');
			return (query < 0) ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
		}

		@Override
		public String toString() {
			return "Server[" + redactedUrl() + ", user " + username + "]";
		}

	}

}

package dev.stoker;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

import dev.stoker.secrets.SpiedSecretsRepository;

/**
 * The whole application on PostgreSQL, started once per test JVM and shared by every
 * subclass: Flyway migrates a schema of the test run's own, and the application reads and
 * writes there. See {@link PostgresTestDatabase} for where the server comes from and when
 * a subclass is skipped or fails.
 * <p>
 * As with the {@link SharedApplication shared application} on the embedded database,
 * every subclass starts with no cluster and no audit row, and the secrets repository is a
 * spy a test may stub. A subclass that adds configuration of its own (a property, a bean)
 * gets an application of its own.
 */
@SpringBootTest
@SpiedSecretsRepository
@TestExecutionListeners(listeners = SharedApplicationSetup.FreshStart.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public abstract class PostgresIntegrationTest {

	/** The admin bearer token the application accepts. */
	protected static final String ADMIN_TOKEN = "stoker-test-admin-token";

	@RegisterExtension
	protected static final PostgresTestDatabase postgres = PostgresTestDatabase.forTheTestRun();

	/**
	 * Local state (the generated master key) goes here rather than into the working
	 * directory.
	 */
	private static final Path dataDir = DataDirectory.forTheTestRun("postgres-application");

	@DynamicPropertySource
	static void runOnPostgres(DynamicPropertyRegistry registry) {
		postgres.registerProperties(registry);
		registry.add("stoker.data-dir", dataDir::toString);
		registry.add("stoker.admin.token", () -> ADMIN_TOKEN);
	}

}

package dev.stoker;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on PostgreSQL: Flyway migrates a schema of the test class's own,
 * and the application reads and writes there. Subclasses may narrow the
 * {@code @SpringBootTest} (a web environment, say). See {@link PostgresTestDatabase} for
 * where the server comes from and when a subclass is skipped or fails.
 * <p>
 * The context is closed after each class ({@code @DirtiesContext}) because its schema is
 * dropped then: a cached context would point at a schema that no longer exists.
 * Subclasses share the static fields below, so they must not run in parallel with each
 * other (JUnit's default).
 */
@SpringBootTest
@DirtiesContext
public abstract class PostgresIntegrationTest {

	/** The admin bearer token the application accepts. */
	protected static final String ADMIN_TOKEN = "stoker-test-admin-token";

	@RegisterExtension
	protected static final PostgresTestDatabase postgres = new PostgresTestDatabase();

	/**
	 * Local state (key files and the like) goes here rather than into the working
	 * directory.
	 */
	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void runOnPostgres(DynamicPropertyRegistry registry) {
		postgres.registerProperties(registry);
		registry.add("stoker.data-dir", () -> dataDir.toString());
		registry.add("stoker.admin.token", () -> ADMIN_TOKEN);
	}

}

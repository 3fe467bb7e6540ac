package dev.stoker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * What the test classes annotated {@link SharedApplication} share: the data directory,
 * the admin token and master key generated there, and the pieces the annotation wires in.
 */
public final class SharedApplicationSetup {

	/** One per test JVM. */
	private static final Path DATA_DIR = DataDirectory.forTheTestRun("shared-application");

	private SharedApplicationSetup() {
	}

	public static Path dataDirectory() {
		return DATA_DIR;
	}

	/**
	 * The admin token the application generated into its data directory at first start,
	 * read from there as an operator reads it.
	 */
	public static String adminToken() {
		return generated("admin-token");
	}

	/**
	 * The master key the application generated into its data directory at first start: no
	 * answer, log line or scrape may hold it.
	 */
	public static String masterKey() {
		return generated("master-key");
	}

	private static String generated(String file) {
		try {
			return Files.readString(DATA_DIR.resolve(file), StandardCharsets.US_ASCII).strip();
		}
		catch (NoSuchFileException ex) {
			throw new IllegalStateException("No " + file + " in " + DATA_DIR + " yet: the shared application "
					+ "generates it when it starts, before the first test method of a class annotated @SharedApplication");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Points the application at the shared data directory. First of all initializers, so
	 * that WritableDataDirectory checks this directory rather than the default one. Lets
	 * it serve pointers to its own loopback address, as the README starts it to try the
	 * examples on one machine (LoopbackPointerTest starts one that refuses them).
	 */
	@Order(Ordered.HIGHEST_PRECEDENCE)
	public static final class SharedDataDirectory
			implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("sharedApplicationDataDirectory",
						Map.of("stoker.data-dir", DATA_DIR.toString(), "stoker.user-data.allow-loopback", "true")));
		}

	}

	/** The clock every component reads, one a test can move. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class MovableTime {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

	/**
	 * Before each test class, the application as a fresh start has it: no cluster (its
	 * secrets and fetch tokens go with it, ON DELETE CASCADE), no audit row (they outlive
	 * their cluster), and a clock that follows the system clock. The admin token and
	 * master key stay, as they would across a restart; the meters keep what earlier
	 * classes counted (PrometheusEndpointTest starts without the document meters).
	 */
	public static final class FreshStart implements TestExecutionListener {

		@Override
		public void beforeTestClass(TestContext testContext) {
			if (!testContext.hasApplicationContext()) {
				// not started yet: it starts empty, on the system clock
				return;
			}
			ApplicationContext context = testContext.getApplicationContext();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			jdbc.sql("DELETE FROM audit_event").update();
			jdbc.sql("DELETE FROM cluster").update();
			context.getBeanProvider(MutableClock.class).ifAvailable(MutableClock::followSystemClock);
		}

	}

}

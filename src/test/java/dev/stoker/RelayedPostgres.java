package dev.stoker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A test class's PostgreSQL schema, reached by the application through a {@link TcpRelay}
 * that the test cuts. Register it on a static field after the
 * {@link PostgresTestDatabase} it relays to. The relay is made when Spring first asks for
 * the URL, once the schema exists, and closed after the class.
 */
final class RelayedPostgres implements AfterAllCallback {

	private final PostgresTestDatabase postgres;

	private TcpRelay relay;

	RelayedPostgres(PostgresTestDatabase postgres) {
		this.postgres = postgres;
	}

	synchronized TcpRelay relay() {
		if (relay == null) {
			URI server = server();
			try {
				relay = new TcpRelay(server.getHost(), server.getPort());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return relay;
	}

	/**
	 * An application of the test's own: the schema through the relay, a data directory
	 * and an admin token.
	 */
	void registerApplication(DynamicPropertyRegistry registry, Path dataDir, String adminToken) {
		postgres.registerProperties(registry);
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + relay().port()
				+ server().getRawPath() + "?" + server().getRawQuery());
		registry.add("stoker.data-dir", dataDir::toString);
		// the tests fetch pointers from this one machine
		registry.add("stoker.user-data.allow-loopback", () -> "true");
		registry.add("stoker.admin.token", () -> adminToken);
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (relay != null) {
			relay.close();
			relay = null;
		}
	}

	private URI server() {
		return URI.create(postgres.jdbcUrl().substring("jdbc:".length()));
	}

}

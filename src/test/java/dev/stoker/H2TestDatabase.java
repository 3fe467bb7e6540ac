package dev.stoker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-memory H2 database of its own for each test class, opened with the same settings
 * as the embedded default in application.properties (PostgreSQL mode and the rest), so
 * that what passes here passes on the file database the application runs on. Register it
 * on a static field:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final H2TestDatabase h2 = new H2TestDatabase();
 * </pre>
 */
public final class H2TestDatabase implements BeforeAllCallback, AfterAllCallback {

	/**
	 * The embedded default's URL: a file database, then its settings after the first ';'.
	 */
	private static final Pattern FILE_URL = Pattern.compile("jdbc:h2:file:[^;]+(;.*)");

	private HikariDataSource dataSource;

	@Override
	public void beforeAll(ExtensionContext context) {
		HikariDataSource pool = new HikariDataSource();
		String name = "stoker-" + UUID.randomUUID();
		pool.setPoolName("h2-" + name);
		// DB_CLOSE_DELAY=-1 keeps the database while no connection is open; afterAll
		// shuts it down.
		pool.setJdbcUrl("jdbc:h2:mem:" + name + applicationSettings() + ";DB_CLOSE_DELAY=-1");
		pool.setUsername("sa");
		pool.setMaximumPoolSize(24);
		pool.setMinimumIdle(0);
		dataSource = pool;
	}

	@Override
	public void afterAll(ExtensionContext context) throws SQLException {
		if (dataSource == null) {
			return;
		}
		String url = dataSource.getJdbcUrl();
		dataSource.close();
		dataSource = null;
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN");
		}
	}

	/** For an application started on this database: user {@code sa}, no password. */
	public String jdbcUrl() {
		return ((HikariDataSource) dataSource()).getJdbcUrl();
	}

	public DataSource dataSource() {
		if (dataSource == null) {
			throw new IllegalStateException("No H2 database yet: register H2TestDatabase on a static "
					+ "@RegisterExtension field, so that it runs before the test class does");
		}
		return dataSource;
	}

	/**
	 * The settings of the embedded default's URL (after its first ';'), for a test that
	 * puts the database elsewhere.
	 */
	public static String applicationSettings() {
		Properties properties = new Properties();
		try (InputStream in = H2TestDatabase.class.getResourceAsStream("/application.properties")) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String url = properties.getProperty("spring.datasource.url");
		Matcher matcher = FILE_URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalStateException("spring.datasource.url in application.properties is no longer an H2 file "
					+ "URL with settings (" + url + "); update H2TestDatabase to match it");
		}
		return matcher.group(1);
	}

}

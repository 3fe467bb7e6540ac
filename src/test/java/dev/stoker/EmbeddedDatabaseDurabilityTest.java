package dev.stoker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write answered 2xx survives kill -9: a separate JVM commits a row through the
 * embedded database URL the service uses by default, then halts without any shutdown (as
 * a kill -9 would leave it), and the row is there when the database is opened again.
 */
class EmbeddedDatabaseDurabilityTest {

	@TempDir
	Path dataDir;

	@Test
	void aCommittedRowSurvivesAnAbruptStop() throws Exception {
		String url = defaultUrl().replace("${stoker.data-dir}", dataDir.toString());
		Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), CommitThenHalt.class.getName(), url)
			.inheritIO()
			.start();
		assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(writer.exitValue()).as("the writer halts with 137, like a killed process").isEqualTo(137);

		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT note FROM durability")) {
			assertThat(rows.next()).as("the committed row is on disk").isTrue();
			assertThat(rows.getString(1)).isEqualTo("answered 201");
		}
	}

	private static String defaultUrl() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = EmbeddedDatabaseDurabilityTest.class.getResourceAsStream("/application.properties")) {
			properties.load(in);
		}
		return properties.getProperty("spring.datasource.url");
	}

	/** Runs in its own JVM: commits one row, then stops dead. */
	public static final class CommitThenHalt {

		public static void main(String[] args) throws SQLException {
			Connection connection = DriverManager.getConnection(args[0]);
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE durability (note VARCHAR(20))");
				statement.execute("INSERT INTO durability VALUES ('answered 201')");
			}
			Runtime.getRuntime().halt(137);
		}

	}

}

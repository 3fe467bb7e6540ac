package dev.stoker.cluster;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.stoker.PostgresIntegrationTest;
import dev.stoker.TestRequester;

import static dev.stoker.cluster.ClusterDefinitions.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application started on PostgreSQL keeps its tables and rows in the test run's
 * schema.
 */
class PostgresApplicationTest extends PostgresIntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ClusterService clusters;

	@Autowired
	private javax.sql.DataSource dataSource;

	/**
	 * Unless the URL sets one, pgjdbc waits forever for the answer to a statement on a
	 * connection that silently dropped. pgjdbc's network timeout is its socket's read
	 * timeout.
	 */
	@Test
	void poolConnectionsHaveASocketTimeoutOf30Seconds() throws Exception {
		try (java.sql.Connection connection = dataSource.getConnection()) {
			assertThat(connection.getNetworkTimeout()).isEqualTo(30_000);
		}
	}

	@Test
	void flywayMigratesTheTestRunsSchema() {
		assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single()).isEqualTo(postgres.schema());
		assertThat(jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")
			.param(postgres.schema())
			.query(String.class)
			.list()).contains("cluster", "flyway_schema_history");
	}

	@Test
	void clustersAreStoredThere() {
		StoredCluster created = clusters.create(body("stored-in-schema", "created"), TestRequester.ADMIN).stored();

		assertThat(JdbcClient.create(postgres.dataSource())
			.sql("SELECT revision FROM " + postgres.schema() + ".cluster WHERE name = ?")
			.param("stored-in-schema")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(clusters.get("stored-in-schema")).isEqualTo(created);
	}

}

package dev.stoker.cluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The application's storage on a test database, without the rest of the application. */
final class Storage {

	private static final Set<DataSource> migrated = ConcurrentHashMap.newKeySet();

	private Storage() {
	}

	/**
	 * Brings the database up to the application's migrations (once) and empties the
	 * cluster table, then answers the repository the application would use on it.
	 */
	static ClusterRepository emptyRepository(DataSource dataSource) {
		if (migrated.add(dataSource)) {
			Flyway.configure().dataSource(dataSource).load().migrate();
		}
		JdbcClient.create(dataSource).sql("DELETE FROM cluster").update();
		return repository(dataSource);
	}

	/**
	 * The repository the application would use on this database, wired as Spring wires
	 * it.
	 */
	static ClusterRepository repository(DataSource dataSource) {
		return new JdbcClusterRepository(JdbcClient.create(dataSource),
				new TransactionTemplate(new JdbcTransactionManager(dataSource)));
	}

}

package dev.stoker.cluster;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.stoker.PostgresTestDatabase;

/** Racing writers on PostgreSQL. */
class PostgresClusterConcurrencyTest extends ClusterConcurrencyContract {

	@RegisterExtension
	static final PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	protected DataSource dataSource() {
		return postgres.dataSource();
	}

}

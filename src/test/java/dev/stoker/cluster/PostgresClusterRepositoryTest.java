package dev.stoker.cluster;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.stoker.PostgresTestDatabase;

/** The repository contract on PostgreSQL. */
class PostgresClusterRepositoryTest extends ClusterRepositoryContract {

	@RegisterExtension
	static final PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	protected DataSource dataSource() {
		return postgres.dataSource();
	}

}

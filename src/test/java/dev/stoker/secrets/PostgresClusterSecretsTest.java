package dev.stoker.secrets;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.stoker.PostgresTestDatabase;

/** Stored cluster secrets on PostgreSQL. */
class PostgresClusterSecretsTest extends ClusterSecretsContract {

	@RegisterExtension
	static final PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	protected DataSource dataSource() {
		return postgres.dataSource();
	}

}

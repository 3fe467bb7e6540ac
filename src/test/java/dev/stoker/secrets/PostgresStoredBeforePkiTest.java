package dev.stoker.secrets;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.stoker.PostgresTestDatabase;

/** Clusters stored before the control-plane PKI, on PostgreSQL. */
class PostgresStoredBeforePkiTest extends StoredBeforePkiContract {

	@RegisterExtension
	static final PostgresTestDatabase postgres = new PostgresTestDatabase();

	@Override
	protected DataSource dataSource() {
		return postgres.dataSource();
	}

}

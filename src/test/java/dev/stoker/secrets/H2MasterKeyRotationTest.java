package dev.stoker.secrets;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.stoker.H2TestDatabase;

/** Rotating the master key on the embedded H2 database. */
class H2MasterKeyRotationTest extends MasterKeyRotationContract {

	@RegisterExtension
	static final H2TestDatabase h2 = new H2TestDatabase();

	@Override
	protected DataSource dataSource() {
		return h2.dataSource();
	}

	@Override
	protected List<String> databaseSettings() {
		return List.of("--spring.datasource.url=" + h2.jdbcUrl(), "--spring.datasource.username=sa");
	}

}

package dev.stoker.cluster;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.stoker.H2TestDatabase;

/** The repository contract on the embedded H2 database. */
class H2ClusterRepositoryTest extends ClusterRepositoryContract {

	@RegisterExtension
	static final H2TestDatabase h2 = new H2TestDatabase();

	@Override
	protected DataSource dataSource() {
		return h2.dataSource();
	}

}

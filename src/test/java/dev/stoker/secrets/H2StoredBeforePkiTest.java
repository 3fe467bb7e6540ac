package dev.stoker.secrets;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.stoker.H2TestDatabase;

/** Clusters stored before the control-plane PKI, on the embedded H2 database. */
class H2StoredBeforePkiTest extends StoredBeforePkiContract {

	@RegisterExtension
	static final H2TestDatabase h2 = new H2TestDatabase();

	@Override
	protected DataSource dataSource() {
		return h2.dataSource();
	}

}

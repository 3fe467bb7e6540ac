package dev.stoker.secrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.stoker.PostgresIntegrationTest;

/** What node access keeps, on PostgreSQL. */
class PostgresNodeAccessStorageTest extends PostgresIntegrationTest implements NodeAccessStorageContract {

	@Autowired
	ApplicationContext context;

	@Override
	public ApplicationContext context() {
		return context;
	}

}

package dev.stoker.preview;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.stoker.PostgresIntegrationTest;

/** The revision history and previews on PostgreSQL. */
class PostgresHistoryTest extends PostgresIntegrationTest implements HistoryContract {

	@Autowired
	ApplicationContext context;

	@Override
	public ApplicationContext context() {
		return context;
	}

}

package dev.stoker.database;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness's view of the database: a read of one of Stoker's own tables, not the pool's
 * {@code Connection.isValid()}, which Spring Boot's own indicator uses when no validation
 * query is set. A connection can be valid while the store behind it is not: H2 that
 * closed its store after a failed write still answers {@code isValid()}, while every
 * query of a table fails. The query is the master key's contributor's too, asked once for
 * both ({@link ReadinessQuery}), so that the probe stays below the chart's 3 s timeout.
 * On the embedded database, after H2 closed its store, also a write (see
 * {@link EmbeddedStore}): a store that reopened reads even on a disk still full. The bean
 * name replaces Spring Boot's {@code db} indicator.
 */
@Component("dbHealthIndicator")
class DatabaseHealth extends AbstractHealthIndicator {

	private final ReadinessQuery query;

	private final EmbeddedStore store;

	DatabaseHealth(ReadinessQuery query, EmbeddedStore store) {
		super("The database does not answer a query of Stoker's tables");
		this.store = store;
		this.query = query;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		query.masterKeyIds();
		if (store.writes()) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

}

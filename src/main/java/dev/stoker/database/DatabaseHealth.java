package dev.stoker.database;

import java.time.Duration;
import javax.sql.DataSource;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Readiness's view of the database: a read of one of Stoker's own tables, not the pool's
 * {@code Connection.isValid()}, which Spring Boot's own indicator uses when no validation
 * query is set. A connection can be valid while the store behind it is not: H2 that
 * closed its store after a failed write still answers {@code isValid()}, while every
 * query of a table fails. Bounded by a query timeout below the chart's 3 s probe timeout.
 * On the embedded database, after H2 closed its store, also a write (see
 * {@link EmbeddedStore}): a store that reopened reads even on a disk still full. The bean
 * name replaces Spring Boot's {@code db} indicator.
 */
@Component("dbHealthIndicator")
class DatabaseHealth extends AbstractHealthIndicator {

	static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final JdbcTemplate jdbc;

	private final EmbeddedStore store;

	DatabaseHealth(DataSource dataSource, EmbeddedStore store) {
		super("The database does not answer a query of Stoker's tables");
		this.store = store;
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setQueryTimeout((int) TIMEOUT.toSeconds());
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		jdbc.queryForList("SELECT key_id FROM master_key", String.class);
		if (store.writes()) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

}

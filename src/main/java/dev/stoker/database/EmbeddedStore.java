package dev.stoker.database;

import java.time.Clock;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the embedded database's writes reach its file, for the health checks. After H2
 * closed its store (see {@link ClosedStore}) reads work again as soon as a new connection
 * reopens the file, even on a disk that is still full, so only a write tells whether the
 * fault is over. That write is made only then, never while nothing failed, and never on
 * PostgreSQL.
 */
@Component
class EmbeddedStore {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

	private final ClosedStore closedStore;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	EmbeddedStore(DataSource dataSource, Clock clock) {
		this.closedStore = (dataSource instanceof HikariDataSource pool
				&& pool.getExceptionOverride() instanceof ClosedStore store) ? store : null;
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setQueryTimeout((int) ReadinessQuery.TIMEOUT.toSeconds());
		this.clock = clock;
	}

	/**
	 * True unless H2 closed its store since the last write known to have reached the
	 * disk, and a write fails now too. Its own commit is that write (with
	 * {@code WRITE_DELAY=0} H2 writes its file before a commit returns).
	 */
	boolean writes() {
		if (closedStore == null || !closedStore.isClosed()) {
			return true;
		}
		try {
			jdbc.update("MERGE INTO store_probe (singleton, written_at) KEY (singleton) VALUES (TRUE, ?)",
					StoredTime.column(clock.instant()));
		}
		catch (DataAccessException ex) {
			log.debug("The embedded database still takes no write: {}", ex.getClass().getSimpleName());
			return false;
		}
		closedStore.written();
		return true;
	}

}

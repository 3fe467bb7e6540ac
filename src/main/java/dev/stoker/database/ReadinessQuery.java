package dev.stoker.database;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one question readiness asks the database, for the two contributors that need its
 * answer: the database's (does it answer a query of Stoker's tables?) and the master
 * key's (which key is the store under?).
 * <p>
 * When the database cannot be reached, asking costs a wait: the pool's connection timeout
 * (spring.datasource.hikari.connection-timeout, 2 s), or the query's own. Asked by each
 * contributor, that made a probe wait twice, longer than the chart's readiness timeout (3
 * s), so the probe failed by timing out instead of by a DOWN answer. Such a failure
 * therefore answers every caller for a second after it came: the other contributor of the
 * same probe, and a caller that came while the question was asked, which waits for it
 * instead of asking again. No later probe sees it (the chart probes every 5 s). Answers,
 * and failures that cost no wait (a missing table), are never kept: readiness follows the
 * store at once.
 */
@Component
public class ReadinessQuery {

	/**
	 * At most this for the query itself, on a connection that answers slowly; getting the
	 * connection is bounded by the pool.
	 */
	static final Duration TIMEOUT = Duration.ofSeconds(2);

	/** How long an unreachable database is taken as unreachable without asking again. */
	static final Duration UNREACHABLE_FOR = Duration.ofSeconds(1);

	private final Supplier<List<String>> query;

	private final LongSupplier nanoTime;

	private RuntimeException unreachable;

	private long unreachableAt;

	@Autowired
	ReadinessQuery(DataSource dataSource) {
		this(keyIds(dataSource), System::nanoTime);
	}

	ReadinessQuery(Supplier<List<String>> query, LongSupplier nanoTime) {
		this.query = query;
		this.nanoTime = nanoTime;
	}

	/**
	 * The ids of the master keys the store records it is under: one, unless the store is
	 * damaged or new.
	 * @throws RuntimeException what the query threw, when the database did not answer
	 */
	public synchronized List<String> masterKeyIds() {
		if (remembersUnreachable()) {
			throw unreachable;
		}
		unreachable = null;
		try {
			return List.copyOf(query.get());
		}
		catch (CannotGetJdbcConnectionException | QueryTimeoutException ex) {
			unreachable = ex;
			unreachableAt = nanoTime.getAsLong();
			throw ex;
		}
	}

	/**
	 * Whether a failure is still answered without asking: the next probe waits for the
	 * database again only once this is false.
	 */
	public synchronized boolean remembersUnreachable() {
		return unreachable != null && nanoTime.getAsLong() - unreachableAt <= UNREACHABLE_FOR.toNanos();
	}

	private static Supplier<List<String>> keyIds(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.setQueryTimeout((int) TIMEOUT.toSeconds());
		return () -> jdbc.queryForList("SELECT key_id FROM master_key", String.class);
	}

}

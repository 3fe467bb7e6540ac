package dev.stoker.database;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One wait for an unreachable database per probe: a failure that cost a wait answers the
 * callers of the next second, and nothing else is kept.
 */
class ReadinessQueryTest {

	private static final long MILLIS = 1_000_000L;

	private long now = 5_000 * MILLIS;

	private final AtomicInteger asked = new AtomicInteger();

	private ReadinessQuery answering(List<Supplier<List<String>>> answers) {
		List<Supplier<List<String>>> left = new ArrayList<>(answers);
		return new ReadinessQuery(() -> {
			asked.incrementAndGet();
			return left.remove(0).get();
		}, () -> now);
	}

	@Test
	void aDatabaseThatGaveNoConnectionIsNotWaitedForAgainWithinASecond() {
		CannotGetJdbcConnectionException noConnection = new CannotGetJdbcConnectionException("timed out",
				new SQLException("Connection is not available, request timed out after 2000ms."));
		ReadinessQuery query = answering(List.of(() -> {
			throw noConnection;
		}, () -> List.of("k1")));

		assertThatThrownBy(query::masterKeyIds).isSameAs(noConnection);
		now += 1_000 * MILLIS;
		assertThatThrownBy(query::masterKeyIds).isSameAs(noConnection);
		assertThat(asked).hasValue(1);

		now += 1;
		assertThat(query.masterKeyIds()).containsExactly("k1");
		assertThat(asked).hasValue(2);
	}

	@Test
	void aQueryThatTimedOutIsNotWaitedForAgainWithinASecond() {
		QueryTimeoutException timedOut = new QueryTimeoutException("canceling statement due to user request");
		ReadinessQuery query = answering(List.of(() -> {
			throw timedOut;
		}, () -> List.of("k1")));

		assertThatThrownBy(query::masterKeyIds).isSameAs(timedOut);
		now += 500 * MILLIS;
		assertThatThrownBy(query::masterKeyIds).isSameAs(timedOut);
		now += 501 * MILLIS;
		assertThat(query.masterKeyIds()).containsExactly("k1");
		assertThat(asked).hasValue(2);
	}

	@Test
	void aFailureThatCostNoWaitAndEveryAnswerAreAskedAgainAtOnce() {
		BadSqlGrammarException noTable = new BadSqlGrammarException("readiness", "SELECT key_id FROM master_key",
				new SQLException("Table \"MASTER_KEY\" not found"));
		ReadinessQuery query = answering(List.of(() -> {
			throw noTable;
		}, () -> List.of("k1"), () -> List.of("k2")));

		assertThatThrownBy(query::masterKeyIds).isSameAs(noTable);
		assertThat(query.masterKeyIds()).containsExactly("k1");
		assertThat(query.masterKeyIds()).containsExactly("k2");
		assertThat(asked).hasValue(3);
	}

}

package dev.stoker.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Audit rows of concurrent fetches share a transaction: it answers each caller only once
 * it has committed, a failed commit answers every caller of the batch 503 and writes none
 * of their rows, and a caller whose cluster is gone is answered 404 without costing the
 * others their rows.
 */
class GroupCommitTest {

	private final JdbcDataSource dataSource = new JdbcDataSource();

	private final AtomicInteger commits = new AtomicInteger();

	private volatile boolean failCommit;

	private GroupCommit groupCommit;

	private JdbcClient jdbc;

	private long clusterId;

	@BeforeEach
	void store() {
		dataSource.setURL("jdbc:h2:mem:group-commit-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(dataSource).load().migrate();
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("INSERT INTO cluster (name, revision, definition, created_at, updated_at) VALUES ('c', 1, '{}', ?, ?)")
			.params(OffsetDateTime.now(), OffsetDateTime.now())
			.update();
		clusterId = jdbc.sql("SELECT id FROM cluster WHERE name = 'c'").query(Long.class).single();
		jdbc.sql("INSERT INTO fetch_token (cluster_id, node_group, token_id, lookup_hash, token, created_at)"
				+ " VALUES (?, 'workers', 'current', 'h', 'encrypted', ?)")
			.params(clusterId, OffsetDateTime.now())
			.update();
		DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource) {

			@Override
			protected void doCommit(DefaultTransactionStatus status) {
				commits.incrementAndGet();
				if (failCommit) {
					// as when the connection is cut before COMMIT: the server rolls back
					doRollback(status);
					throw new TransactionSystemException("the connection was cut before COMMIT");
				}
				super.doCommit(status);
			}

		};
		groupCommit = new GroupCommit(new AuditLog(new JdbcTemplate(dataSource), Clock.systemUTC()),
				new TransactionTemplate(manager), GroupCommit.SERVER_WRITERS);
	}

	@AfterEach
	void stop() throws InterruptedException {
		groupCommit.destroy();
	}

	@Test
	void aFailedCommitAnswersEveryCallerOfTheBatch503AndWritesNone() {
		failCommit = true;
		List<GroupCommit.Pending> batch = pending(5, 1);

		groupCommit.commit(batch);

		assertThat(commits).hasValue(1);
		for (GroupCommit.Pending each : batch) {
			assertThatThrownBy(() -> each.outcome().join()).hasCauseInstanceOf(AuditUnavailableException.class);
		}
		assertThat(rows()).isZero();
	}

	@Test
	void aBatchIsOneCommitThatAnswersEachCallerWhetherItsRevisionWasCurrent() {
		List<GroupCommit.Pending> batch = new ArrayList<>(pending(3, 1));
		batch.addAll(pending(1, 2));

		groupCommit.commit(batch);

		assertThat(commits).hasValue(1);
		assertThat(batch).extracting((each) -> each.outcome().join())
			.containsExactly(AuditLog.Outcome.RECORDED, AuditLog.Outcome.RECORDED, AuditLog.Outcome.RECORDED,
					AuditLog.Outcome.STALE);
		assertThat(rows()).isEqualTo(3);
	}

	@Test
	void aRowIsWrittenOnlyWhileItsFetchTokenAndItsClusterRowAreStillTheOnesItWasServedFrom() {
		List<GroupCommit.Pending> batch = List.of(pending("current", clusterId), pending("rotated", clusterId),
				// served from an older row of the name (deleted and created again, at
				// revision 1 again): read again, with the token the current row has
				pending("current", clusterId - 1), pending(null, clusterId - 1), pending(null, clusterId));

		groupCommit.commit(batch);

		assertThat(commits).hasValue(1);
		assertThat(batch).extracting((each) -> each.outcome().join())
			.containsExactly(AuditLog.Outcome.RECORDED, AuditLog.Outcome.CREDENTIAL_REVOKED, AuditLog.Outcome.STALE,
					AuditLog.Outcome.STALE, AuditLog.Outcome.RECORDED);
		assertThat(rows()).isEqualTo(2);
	}

	@Test
	void aBatchOfOneStatementShapeIsOneJdbcBatch() throws InterruptedException {
		List<GroupCommit.Pending> batch = IntStream.range(0, 200)
			.mapToObj((i) -> pending("current", clusterId))
			.toList();
		AtomicInteger batches = new AtomicInteger();
		AtomicInteger single = new AtomicInteger();
		DataSourceTransactionManager manager = new DataSourceTransactionManager(
				StatementCounting.wrap(dataSource, batches, single));
		GroupCommit counted = new GroupCommit(
				new AuditLog(new JdbcTemplate(manager.getDataSource()), Clock.systemUTC()),
				new TransactionTemplate(manager), GroupCommit.EMBEDDED_WRITERS);
		try {
			counted.commit(batch);
		}
		finally {
			counted.destroy();
		}

		assertThat(batch).allSatisfy((each) -> assertThat(each.outcome().join()).isEqualTo(AuditLog.Outcome.RECORDED));
		assertThat(rows()).isEqualTo(200);
		assertThat(batches).as("executeBatch calls").hasValue(1);
		assertThat(single).as("statements executed one by one").hasValue(0);
	}

	@Test
	void aCallerWhoseClusterIsGoneIsAnswered404AndTheOthersStillGetTheirRows() {
		List<GroupCommit.Pending> batch = new ArrayList<>(pending(2, 1));
		batch.add(new GroupCommit.Pending(
				new AuditLog.Entry(Disclosure.ofGroup("gone", "workers", "ignition", 1), requester(9), null),
				new CompletableFuture<>()));

		groupCommit.commit(batch);

		assertThat(batch.get(0).outcome().join()).isEqualTo(AuditLog.Outcome.RECORDED);
		assertThat(batch.get(1).outcome().join()).isEqualTo(AuditLog.Outcome.RECORDED);
		assertThatThrownBy(() -> batch.get(2).outcome().join()).hasCauseInstanceOf(ClusterGoneException.class);
		assertThat(rows()).isEqualTo(2);
	}

	@Test
	void concurrentCallersReturnOnlyOnceTheirRowIsCommitted() throws Exception {
		ExecutorService callers = Executors.newFixedThreadPool(32);
		try {
			List<Future<AuditLog.Outcome>> answers = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				Requester requester = requester(i);
				answers.add(callers.submit(() -> {
					AuditLog.Outcome recorded = groupCommit.recordIfCurrent(
							Disclosure.ofGroup("c", "workers", "ignition", 1), requester,
							new AuditLog.Current(clusterId, "current"));
					// committed: visible to another connection the moment the caller
					// returns
					assertThat(JdbcClient.create(dataSource)
						.sql("SELECT count(*) FROM audit_event WHERE request_id = ?")
						.param(requester.requestId())
						.query(Long.class)
						.single()).isOne();
					return recorded;
				}));
			}
			for (Future<AuditLog.Outcome> answer : answers) {
				assertThat(answer.get(1, TimeUnit.MINUTES)).isEqualTo(AuditLog.Outcome.RECORDED);
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(rows()).isEqualTo(200);
		assertThat(commits.get()).isLessThanOrEqualTo(200);
	}

	@ParameterizedTest
	@CsvSource({ "jdbc:h2:file:/var/lib/stoker/stoker;WRITE_DELAY=0, 1", "jdbc:h2:mem:audit, 1",
			"jdbc:postgresql://db:5432/stoker, 2" })
	void theEmbeddedDatabaseGetsOneWriterAndPostgresqlTwo(String url, int writers) throws InterruptedException {
		try (HikariDataSource pool = new HikariDataSource()) {
			// never started: no connection is opened to find out which database it is
			pool.setJdbcUrl(url);
			GroupCommit chosen = new GroupCommit(new AuditLog(new JdbcTemplate(dataSource), Clock.systemUTC()),
					new TransactionTemplate(new DataSourceTransactionManager(dataSource)), pool);
			try {
				assertThat(chosen.writers()).isEqualTo(writers);
			}
			finally {
				chosen.destroy();
			}
		}
	}

	@Test
	void aCallerOfAFailedCommitThrows503() {
		failCommit = true;
		assertThatThrownBy(() -> groupCommit.recordIfCurrent(Disclosure.ofGroup("c", "workers", "ignition", 1),
				requester(1), new AuditLog.Current(clusterId, "current")))
			.isInstanceOf(AuditUnavailableException.class);
		assertThat(rows()).isZero();
	}

	private List<GroupCommit.Pending> pending(int count, long revision) {
		return IntStream.range(0, count)
			.mapToObj((i) -> new GroupCommit.Pending(
					new AuditLog.Entry(Disclosure.ofGroup("c", "workers", "ignition", revision), requester(i), null),
					new CompletableFuture<>()))
			.toList();
	}

	private GroupCommit.Pending pending(String fetchTokenId, long clusterRowId) {
		return new GroupCommit.Pending(new AuditLog.Entry(Disclosure.ofGroup("c", "workers", "ignition", 1),
				requester(0), new AuditLog.Current(clusterRowId, fetchTokenId)), new CompletableFuture<>());
	}

	private static Requester requester(int i) {
		return new Requester("fetch-token", "t" + i, "127.0.0.1", "request-" + i + "-" + UUID.randomUUID());
	}

	private long rows() {
		return jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
	}

}

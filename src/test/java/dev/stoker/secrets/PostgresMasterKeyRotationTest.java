package dev.stoker.secrets;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.stoker.PostgresTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * Rotating the master key on PostgreSQL, where replicas share the store: besides the
 * contract, two instances starting with the new key re-encrypt it once, and a write of an
 * instance still under the old key is re-encrypted by a rotation it came before, or
 * refused when it comes during one.
 */
class PostgresMasterKeyRotationTest extends MasterKeyRotationContract {

	@RegisterExtension
	static final PostgresTestDatabase postgres = new PostgresTestDatabase();

	private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

	@Override
	protected DataSource dataSource() {
		return postgres.dataSource();
	}

	@Override
	protected List<String> databaseSettings() {
		return postgres.commandLineArguments();
	}

	@Test
	void twoInstancesStartingWithTheNewKeyReEncryptOnce() throws Exception {
		create(start(OLD, null), "alpha");
		stopApplications();
		ExecutorService starting = Executors.newFixedThreadPool(2);
		try (Sessions rotators = new Sessions("rotators");
				Connection slow = dataSource().getConnection();
				Statement statement = slow.createStatement()) {
			// hold the row as a slow rotation would, until both wait for it
			slow.setAutoCommit(false);
			statement.executeQuery("SELECT key_id FROM master_key FOR UPDATE").close();
			List<Future<StoredMasterKey.Outcome>> outcomes = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				outcomes.add(starting.submit(() -> rotators.storedMasterKey(NEW, OLD).verify()));
			}
			rotators.awaitWaitingForALock(2);
			slow.rollback();

			assertThat(List.of(outcomes.get(0).get(1, TimeUnit.MINUTES), outcomes.get(1).get(1, TimeUnit.MINUTES)))
				.containsExactlyInAnyOrder(StoredMasterKey.Outcome.ROTATED, StoredMasterKey.Outcome.ROTATED_ELSEWHERE);
		}
		finally {
			starting.shutdownNow();
		}
		assertThat(recordedKeyId()).isEqualTo(id(NEW));
		assertThat(columnsHolding("v1:" + id(OLD) + ":")).isEmpty();
		assertThat(load(start(NEW, null), "alpha")).isNotNull();
	}

	@Test
	void aWriteThatCameBeforeTheRotationIsReEncryptedByIt() throws Exception {
		recordKey(OLD);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try (Sessions writer = new Sessions("writer"); Sessions rotator = new Sessions("rotator")) {
			CountDownLatch written = new CountDownLatch(1);
			CountDownLatch commit = new CountDownLatch(1);
			Future<?> writing = threads.submit(() -> writer.transaction().executeWithoutResult((status) -> {
				writer.insertCluster("late");
				writer.clusterSecrets(OLD).create("late");
				written.countDown();
				await(commit);
			}));
			assertThat(written.await(1, TimeUnit.MINUTES)).isTrue();
			Future<StoredMasterKey.Outcome> rotating = threads.submit(() -> rotator.storedMasterKey(NEW, OLD).verify());
			rotator.awaitWaitingForALock(1);
			commit.countDown();
			writing.get(1, TimeUnit.MINUTES);

			assertThat(rotating.get(1, TimeUnit.MINUTES)).isEqualTo(StoredMasterKey.Outcome.ROTATED);
			assertThat(writer.clusterSecrets(NEW).load("late")).contains(generator().generate());
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(columnsHolding("v1:" + id(OLD) + ":")).isEmpty();
	}

	@Test
	void aWriteThatComesDuringTheRotationIsRefused() throws Exception {
		recordKey(OLD);
		ExecutorService threads = Executors.newSingleThreadExecutor();
		try (Sessions writer = new Sessions("writer");
				Connection rotation = dataSource().getConnection();
				Statement statement = rotation.createStatement()) {
			// a rotation under way: the row locked, the new key id about to commit
			rotation.setAutoCommit(false);
			statement.executeQuery("SELECT key_id FROM master_key FOR UPDATE").close();
			statement.executeUpdate("UPDATE master_key SET key_id = '" + id(NEW) + "'");
			Future<?> writing = threads.submit(() -> writer.transaction().executeWithoutResult((status) -> {
				writer.insertCluster("late");
				writer.clusterSecrets(OLD).create("late");
			}));
			writer.awaitWaitingForALock(1);
			rotation.commit();

			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> writing.get(1, TimeUnit.MINUTES))
				.havingCause()
				.isInstanceOf(StaleMasterKeyException.class)
				.withMessageStartingWith("The store is under master key " + id(NEW)
						+ ", but this instance runs with master key " + id(OLD) + ": the master key was rotated");
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(jdbc().sql("SELECT count(*) FROM cluster").query(Long.class).single()).isZero();
	}

	private static SecretGenerator generator() {
		return new SecretGenerator(new SeededRandomSource("late"), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private void recordKey(String key) {
		jdbc().sql("INSERT INTO master_key (singleton, key_id, recorded_at) VALUES (TRUE, ?, ?)")
			.params(id(key), NOW.atOffset(ZoneOffset.UTC))
			.update();
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(1, TimeUnit.MINUTES)) {
				fail("not released within a minute");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Connections of one instance, named so that pg_stat_activity tells when they wait
	 * for a lock (other builds may share the server).
	 */
	private static final class Sessions implements AutoCloseable {

		private final String name;

		private final HikariDataSource pool = new HikariDataSource();

		Sessions(String role) {
			this.name = role + "-" + UUID.randomUUID();
			pool.setJdbcUrl(postgres.jdbcUrl());
			pool.setUsername(postgres.username());
			pool.setPassword(postgres.password());
			pool.setMaximumPoolSize(4);
			pool.addDataSourceProperty("ApplicationName", name);
		}

		TransactionTemplate transaction() {
			return new TransactionTemplate(new JdbcTransactionManager(pool));
		}

		StoredMasterKey storedMasterKey(String key, String previous) {
			return new StoredMasterKey(JdbcClient.create(pool), key(key), Optional.of(key(previous)), transaction(),
					new SecureRandomSource(), Clock.systemUTC());
		}

		/** Creates what {@link #generator()} generates. */
		ClusterSecrets clusterSecrets(String key) {
			return new StoredClusterSecrets(new ClusterSecretsRepository(JdbcClient.create(pool)), generator(),
					new SecretCipher(key(key), new SecureRandomSource()), new SecureRandomSource(),
					Clock.fixed(NOW, ZoneOffset.UTC), new RecordedMasterKey(new JdbcTemplate(pool), key(key)));
		}

		void insertCluster(String cluster) {
			JdbcClient.create(pool)
				.sql("INSERT INTO cluster (name, revision, definition, created_at, updated_at)"
						+ " VALUES (?, 1, '{}', ?, ?)")
				.params(cluster, NOW.atOffset(ZoneOffset.UTC), NOW.atOffset(ZoneOffset.UTC))
				.update();
		}

		void awaitWaitingForALock(int sessions) throws InterruptedException {
			JdbcClient observer = JdbcClient.create(postgres.dataSource());
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
			while (observer
				.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND wait_event_type = 'Lock'")
				.param(name)
				.query(Long.class)
				.single() < sessions) {
				if (System.nanoTime() > deadline) {
					fail(sessions + " of the " + name + " sessions did not come to wait for a lock within a minute");
				}
				Thread.sleep(10);
			}
		}

		@Override
		public void close() {
			pool.close();
		}

	}

}

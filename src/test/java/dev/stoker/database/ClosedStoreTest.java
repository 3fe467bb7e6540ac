package dev.stoker.database;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride.Override;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which exceptions of an embedded H2 connection mean that H2 closed its store, with the
 * error codes and causes H2 answers (seen on a full disk, see FullDiskTest): the same in
 * the pinned 2.3.232, whose build number ends the messages, as in 2.4.240.
 */
class ClosedStoreTest {

	private final ClosedStore store = new ClosedStore(new HikariDataSource());

	@Test
	void theDatabaseHasBeenClosedEvictsAndMarksTheStoreClosedUntilAWriteReachesTheDisk() {
		SQLException closed = new SQLNonTransientConnectionException("The database has been closed [90098-232]",
				"90098", 90098, new IllegalStateException("Writing to stoker.mv.db failed"));

		assertThat(store.adjudicate(closed)).isEqualTo(Override.MUST_EVICT);
		assertThat(store.isClosed()).isTrue();
		store.written();
		assertThat(store.isClosed()).isFalse();
	}

	@Test
	void theWriteTheDiskRefusedEvictsAsWell() {
		SQLException generalError = new SQLException("General error: Writing to stoker.mv.db failed [50000-232]",
				"HY000", 50000,
				new IllegalStateException("Writing failed", new IOException("No space left on device")));

		assertThat(store.adjudicate(generalError)).isEqualTo(Override.MUST_EVICT);
		assertThat(store.isClosed()).isTrue();
	}

	@Test
	void faultsOfOneStatementLeaveTheConnectionToHikari() {
		assertThat(store.adjudicate(new SQLIntegrityConstraintViolationException("Unique index", "23505", 23505)))
			.isEqualTo(Override.CONTINUE_EVICT);
		assertThat(store.adjudicate(new SQLTimeoutException("Timeout trying to lock table", "HYT00", 50200)))
			.isEqualTo(Override.CONTINUE_EVICT);
		assertThat(store.isClosed()).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:h2:file:./data/stoker;WRITE_DELAY=0;MODE=PostgreSQL | true
			jdbc:h2:/var/lib/stoker/stoker                          | true
			jdbc:h2:~/stoker                                        | true
			jdbc:h2:mem:stoker;DB_CLOSE_DELAY=-1                    | false
			jdbc:h2:tcp://db.example.internal/stoker                | false
			jdbc:h2:ssl://db.example.internal/stoker                | false
			jdbc:postgresql://db.example.internal:5432/stoker       | false
			""")
	void onlyAnEmbeddedFileDatabaseGetsIt(String url, boolean embedded) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);

		new ClosedStoreEviction().postProcessAfterInitialization(pool, "dataSource");

		assertThat(pool.getExceptionOverride() instanceof ClosedStore).isEqualTo(embedded);
	}

	@Test
	void anOverrideTheOperatorChoseIsKept() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl("jdbc:h2:file:./data/stoker");
		pool.setExceptionOverrideClassName(NeverEvict.class.getName());

		new ClosedStoreEviction().postProcessAfterInitialization(pool, "dataSource");

		assertThat(pool.getExceptionOverride()).isInstanceOf(NeverEvict.class);
	}

	public static final class NeverEvict implements com.zaxxer.hikari.SQLExceptionOverride {

		@java.lang.Override
		public Override adjudicate(SQLException ex) {
			return Override.DO_NOT_EVICT;
		}

	}

}

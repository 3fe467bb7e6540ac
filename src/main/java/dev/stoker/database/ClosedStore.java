package dev.stoker.database;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells Hikari that a connection of the embedded database is dead once H2 closed its
 * store, and remembers that it did until a write reaches the disk again.
 * <p>
 * When H2 cannot write its file (a full disk answers "No space left on device"), the
 * MVStore panics and closes, and the failing statement or commit answers error 50000 with
 * the {@code IOException} at the end of its causes. From then on every statement of every
 * connection to that database answers 90098 "The database has been closed"
 * ({@code org.h2.api.ErrorCode.DATABASE_IS_CLOSED}, SQLState 90098), while
 * {@code Connection.isValid()} still answers true (it asks only the session). H2 then
 * drops the closed database from its registry ({@code Engine.close}), so a new connection
 * opens the file again; but Hikari evicts a connection only for SQLState class 08, a few
 * states and codes of other drivers ({@code ProxyConnection.checkException}), or a failed
 * {@code isValid()}, so it kept every dead connection until its max-lifetime (30 minutes
 * by default) and every request failed meanwhile.
 * <p>
 * Here, such an exception evicts its connection, and all the others, which share the same
 * closed database: the next request gets a new connection, which reopens the file with
 * what was committed before the fault.
 */
final class ClosedStore implements SQLExceptionOverride {

	/** {@code org.h2.api.ErrorCode.DATABASE_IS_CLOSED}. */
	static final int DATABASE_IS_CLOSED = 90098;

	private static final Logger log = LoggerFactory.getLogger(ClosedStore.class);

	private final HikariDataSource pool;

	private final AtomicBoolean closed = new AtomicBoolean();

	ClosedStore(HikariDataSource pool) {
		this.pool = pool;
	}

	/**
	 * {@code java.lang.Override} in full: inside an {@code SQLExceptionOverride},
	 * {@code Override} names its verdicts.
	 */
	@java.lang.Override
	public Override adjudicate(SQLException ex) {
		IOException io = StorageFaultTranslator.ioCause(ex);
		if (ex.getErrorCode() != DATABASE_IS_CLOSED && io == null) {
			return Override.CONTINUE_EVICT;
		}
		if (closed.compareAndSet(false, true)) {
			log.warn(
					"The embedded database closed its store ({}); its connections are replaced, so that the next "
							+ "one opens it again, and readiness reports DOWN until a write reaches the disk",
					reason(ex, io));
		}
		HikariPoolMXBean connections = pool.getHikariPoolMXBean();
		if (connections != null) {
			connections.softEvictConnections();
		}
		return Override.MUST_EVICT;
	}

	/**
	 * Whether H2 closed its store since the last write known to have reached the disk.
	 */
	boolean isClosed() {
		return closed.get();
	}

	void written() {
		if (closed.compareAndSet(true, false)) {
			log.info("The embedded database writes to the disk again");
		}
	}

	/**
	 * The operating system's words, as "No space left on device"; no statement or value.
	 */
	private static String reason(SQLException ex, IOException io) {
		if (io != null) {
			return "its file answered: " + io.getMessage();
		}
		return "error " + ex.getErrorCode();
	}

}

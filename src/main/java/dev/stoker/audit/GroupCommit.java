package dev.stoker.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes the audit rows of concurrent fetches in shared transactions: a caller waits
 * until the transaction that holds its row has committed, so no document leaves before
 * its row is durable, and one commit (one disk flush) serves every caller of the batch.
 * When that transaction fails, every caller of the batch gets
 * {@link AuditUnavailableException} (a 503) and none of their rows is written; a caller
 * whose cluster was deleted meanwhile makes the batch be written again one row per
 * transaction, so that only it is answered 404.
 * <p>
 * Writer threads take what has queued up: while one commits, the next batch gathers, so
 * under load a batch holds about as many rows as requests arrive during a commit, and
 * alone a row waits for nothing.
 */
@Component
public class GroupCommit implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	/** Rows per transaction at most: a batch's statements stay well under a second. */
	static final int MAX_BATCH = 256;

	/**
	 * Writer threads on the embedded database: one. H2 commits one transaction at a time,
	 * so a second writer only halved the batches and doubled the chunks H2 writes (and
	 * the garbage it makes): at 256 connections one writer served 10.3k and 14.3k
	 * fetches/s, two 7.2k and 7.7k, in runs taken in turn (docs/performance.md).
	 */
	static final int EMBEDDED_WRITERS = 1;

	/**
	 * Writer threads on PostgreSQL: two, so that one batch gathers and is sent while the
	 * other waits for its commit's flush; one writer was no faster there.
	 */
	static final int SERVER_WRITERS = 2;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final List<Thread> writers = new ArrayList<>();

	private volatile boolean closed;

	@Autowired
	public GroupCommit(AuditLog audit, TransactionOperations transactions, DataSource dataSource) {
		this(audit, transactions,
				(dataSource instanceof HikariDataSource pool
						&& DatabaseDriver.fromJdbcUrl(pool.getJdbcUrl()) == DatabaseDriver.H2) ? EMBEDDED_WRITERS
								: SERVER_WRITERS);
	}

	GroupCommit(AuditLog audit, TransactionOperations transactions, int writers) {
		this.audit = audit;
		this.transactions = transactions;
		for (int i = 1; i <= writers; i++) {
			Thread writer = new Thread(this::write, "audit-writer-" + i);
			writer.setDaemon(true);
			writer.start();
			this.writers.add(writer);
		}
	}

	/**
	 * Like {@link AuditLog#recordIfCurrent(Disclosure, Requester, AuditLog.Current)}, in
	 * a transaction shared with concurrent callers, which has committed when this returns
	 * {@link AuditLog.Outcome#RECORDED}. The caller must not be in a transaction of its
	 * own.
	 */
	public AuditLog.Outcome recordIfCurrent(Disclosure disclosure, Requester requester, AuditLog.Current current) {
		Pending pending = new Pending(new AuditLog.Entry(disclosure, requester, current), new CompletableFuture<>());
		queue.add(pending);
		if (closed) {
			// raced a shutdown: the writers may be gone already
			fail(List.of(pending), new IllegalStateException("shutting down"));
		}
		try {
			return pending.outcome().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** How many writer threads commit. */
	int writers() {
		return writers.size();
	}

	private void write() {
		while (!closed) {
			Pending first;
			try {
				first = queue.poll(200, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (first != null) {
				List<Pending> batch = new ArrayList<>();
				batch.add(first);
				queue.drainTo(batch, MAX_BATCH - 1);
				commit(batch);
			}
		}
	}

	/** Writes a batch in one transaction and answers each of its callers. */
	void commit(List<Pending> batch) {
		List<AuditLog.Outcome> recorded;
		try {
			// one JDBC batch: on PostgreSQL the whole batch is one round trip
			recorded = transactions
				.execute((status) -> audit.recordAllIfCurrent(batch.stream().map(Pending::entry).toList()));
		}
		catch (ClusterGoneException ex) {
			// on PostgreSQL the failed statement may have aborted the whole
			// transaction: the others' rows are written again, each alone
			batch.forEach(this::commitAlone);
			return;
		}
		catch (RuntimeException ex) {
			log.error("Withholding {} documents: their audit rows could not be committed ({})", batch.size(),
					ex.getClass().getSimpleName());
			fail(batch, ex);
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).outcome().complete(recorded.get(i));
		}
	}

	private void commitAlone(Pending pending) {
		try {
			pending.outcome()
				.complete(transactions.execute((status) -> audit.recordIfCurrent(pending.entry().disclosure(),
						pending.entry().requester(), pending.entry().current())));
		}
		catch (RuntimeException ex) {
			boolean answered = ex instanceof ClusterGoneException || ex instanceof AuditUnavailableException;
			pending.outcome().completeExceptionally(answered ? ex : unavailable(ex));
		}
	}

	private static void fail(List<Pending> batch, Exception cause) {
		// one exception each: every caller throws its own
		batch.forEach((pending) -> pending.outcome().completeExceptionally(unavailable(cause)));
	}

	private static RuntimeException unavailable(Exception cause) {
		return (cause instanceof AuditUnavailableException withheld)
				? new AuditUnavailableException(withheld.getCause()) : new AuditUnavailableException(cause);
	}

	/** Stops the writers; a caller still waiting is answered 503. */
	@Override
	public void destroy() throws InterruptedException {
		closed = true;
		for (Thread writer : writers) {
			writer.join(TimeUnit.SECONDS.toMillis(5));
		}
		List<Pending> left = new ArrayList<>();
		queue.drainTo(left);
		fail(left, new IllegalStateException("shutting down"));
	}

	record Pending(AuditLog.Entry entry, CompletableFuture<AuditLog.Outcome> outcome) {
	}

}

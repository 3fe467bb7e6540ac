package dev.stoker.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.stoker.database.StoredTime;

/**
 * The {@code audit_event} table. A write joins the caller's transaction: the caller reads
 * the secret in that same transaction, so a disclosure is either recorded or not made.
 */
@Repository
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	/** A disclosure's row, written only while its cluster (by name) exists. */
	private static final String INSERT = "INSERT INTO audit_event (occurred_at, cluster_id, cluster, node_group,"
			+ " node, document, credential_kind, credential_id, client_address, request_id, revision)"
			+ " SELECT ?, c.id, c.name, ?, ?, ?, ?, ?, ?, ?, ? FROM cluster c WHERE c.name = ?";

	private final JdbcTemplate template;

	private final JdbcClient jdbc;

	private final Clock clock;

	public AuditLog(JdbcTemplate template, Clock clock) {
		this.template = template;
		this.jdbc = JdbcClient.create(template);
		this.clock = clock;
	}

	/**
	 * Records a disclosure, or throws {@link AuditUnavailableException} (503), which
	 * rolls the caller's transaction back, or {@link ClusterGoneException} (404) when the
	 * cluster was deleted meanwhile.
	 */
	public void record(Disclosure disclosure, Requester requester) {
		if (insert(disclosure, requester) != 1) {
			throw gone(disclosure);
		}
	}

	/**
	 * Records a disclosure only while the cluster is still at the disclosure's revision,
	 * in the same statement that checks it: false when another write (a rotation, a PUT)
	 * committed since the caller read what it serves, which must then be read again so
	 * that the row names the revision whose secrets were served. Throws like
	 * {@link #record}.
	 */
	public boolean recordIfCurrent(Disclosure disclosure, Requester requester) {
		return recordIfCurrent(disclosure, requester, null) == Outcome.RECORDED;
	}

	/**
	 * Records each row only while what it was served from is still current: its cluster
	 * at the disclosure's revision and, when {@link Current} names them, the cluster's
	 * row id and the fetch token it was asked with. One JDBC batch per statement shape,
	 * so on PostgreSQL a whole group commit is one round trip; the caller's transaction
	 * commits them. A row that finds something changed is not written, and its outcome
	 * says what: {@link Outcome#STALE} (read again) or
	 * {@link Outcome#CREDENTIAL_REVOKED}. Throws like {@link #record} when a cluster is
	 * gone.
	 */
	public List<Outcome> recordAllIfCurrent(List<Entry> entries) {
		Object time = StoredTime.column(clock.instant());
		Map<String, List<Integer>> byStatement = new LinkedHashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			byStatement.computeIfAbsent(insertIfCurrent(entries.get(i).current()), (sql) -> new ArrayList<>()).add(i);
		}
		int[] counts = new int[entries.size()];
		for (Map.Entry<String, List<Integer>> statement : byStatement.entrySet()) {
			List<Integer> indexes = statement.getValue();
			int[] written;
			try {
				written = template.batchUpdate(statement.getKey(),
						indexes.stream().map((i) -> entries.get(i).params(time)).toList());
			}
			catch (DataIntegrityViolationException ex) {
				// a cluster row was deleted between a statement's read and its
				// foreign-key check; which one, the caller learns row by row
				throw gone(entries.get(indexes.get(0)).disclosure());
			}
			catch (DataAccessException ex) {
				throw withheld(entries.get(indexes.get(0)).disclosure(), ex);
			}
			for (int k = 0; k < indexes.size(); k++) {
				counts[indexes.get(k)] = written[k];
			}
		}
		List<Outcome> outcomes = new ArrayList<>(entries.size());
		Map<String, Optional<Long>> clusterIds = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			outcomes.add((counts[i] == 1) ? Outcome.RECORDED : whyNotRecorded(entries.get(i), clusterIds));
		}
		return outcomes;
	}

	/** Like {@link #recordAllIfCurrent} for one row. */
	public Outcome recordIfCurrent(Disclosure disclosure, Requester requester, Current current) {
		return recordAllIfCurrent(List.of(new Entry(disclosure, requester, current))).get(0);
	}

	/**
	 * Why a row was not written: its fetch token is no longer its group's (rotated, or
	 * removed with its group or its cluster), its cluster is gone (thrown), or the
	 * cluster moved on: another revision, or another row under its name, which the token
	 * of that new row may well open. Clusters are looked up once per batch: after a
	 * write, a whole batch may have read the old revision.
	 */
	private Outcome whyNotRecorded(Entry entry, Map<String, Optional<Long>> clusterIds) {
		Disclosure disclosure = entry.disclosure();
		Optional<Long> clusterId;
		try {
			// by the cluster's name: a token of a row deleted since is revoked with it
			if (entry.current() != null && entry.current().fetchTokenId() != null
					&& jdbc
						.sql("SELECT count(*) FROM fetch_token t JOIN cluster c ON c.id = t.cluster_id"
								+ " WHERE c.name = ? AND t.node_group = ? AND t.token_id = ?")
						.params(disclosure.cluster(), disclosure.group(), entry.current().fetchTokenId())
						.query(Long.class)
						.single() == 0) {
				return Outcome.CREDENTIAL_REVOKED;
			}
			clusterId = clusterIds.computeIfAbsent(disclosure.cluster(),
					(name) -> jdbc.sql("SELECT id FROM cluster WHERE name = ?")
						.param(name)
						.query(Long.class)
						.optional());
		}
		catch (DataAccessException ex) {
			throw withheld(disclosure, ex);
		}
		if (clusterId.isEmpty()) {
			throw gone(disclosure);
		}
		return Outcome.STALE;
	}

	/**
	 * The insert of a row that checks, in its own statement, that what it discloses is
	 * still current. The fetch token is checked here, and not only when the request came
	 * in, so that a replica may keep verified tokens in memory: a rotation on any replica
	 * is seen by the next commit.
	 */
	private static String insertIfCurrent(Current current) {
		return INSERT + " AND c.revision = ?" + ((current != null) ? " AND c.id = ?" : "")
				+ ((current != null && current.fetchTokenId() != null)
						? " AND EXISTS (SELECT 1 FROM fetch_token t WHERE t.cluster_id = c.id AND t.node_group = ?"
								+ " AND t.token_id = ?)"
						: "");
	}

	/**
	 * What must still hold when a row commits, besides its cluster's revision.
	 *
	 * @param clusterId the row id of the cluster the document was read from: a cluster
	 * deleted and created again under its name starts at revision 1 again
	 * @param fetchTokenId the public id of the fetch token the document was asked with,
	 * or null: rotating it moves no revision
	 */
	public record Current(long clusterId, String fetchTokenId) {
	}

	/** A row to record if current; {@code current} null checks the revision only. */
	public record Entry(Disclosure disclosure, Requester requester, Current current) {

		/** The values of {@link AuditLog#INSERT}'s placeholders. */
		static List<Object> columns(Object time, Disclosure disclosure, Requester requester) {
			return new ArrayList<>(Arrays.asList(time, disclosure.group(), disclosure.node(), disclosure.document(),
					requester.credentialKind(), requester.credentialId(), requester.clientAddress(),
					requester.requestId(), disclosure.revision(), disclosure.cluster()));
		}

		Object[] params(Object time) {
			List<Object> params = columns(time, disclosure, requester);
			params.add(disclosure.revision());
			if (current != null) {
				params.add(current.clusterId());
				if (current.fetchTokenId() != null) {
					params.add(disclosure.group());
					params.add(current.fetchTokenId());
				}
			}
			return params.toArray();
		}

	}

	/** What became of a row recorded if current. */
	public enum Outcome {

		/** Written; it commits with the caller's transaction. */
		RECORDED,

		/** Not written: the cluster moved to another revision or row; read it again. */
		STALE,

		/** Not written: the fetch token was rotated, or removed with its group. */
		CREDENTIAL_REVOKED

	}

	private int insert(Disclosure disclosure, Requester requester) {
		try {
			return jdbc.sql(INSERT)
				.params(Entry.columns(StoredTime.column(clock.instant()), disclosure, requester).toArray())
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			// the cluster row was deleted between this statement's read and
			// its foreign-key check
			throw gone(disclosure);
		}
		catch (DataAccessException ex) {
			throw withheld(disclosure, ex);
		}
	}

	private static ClusterGoneException gone(Disclosure disclosure) {
		log.info("Not serving {} of cluster {}: the cluster was deleted meanwhile", disclosure.document(),
				disclosure.cluster());
		return new ClusterGoneException(disclosure.cluster());
	}

	private static AuditUnavailableException withheld(Disclosure disclosure, Exception cause) {
		log.error("Withholding {} of cluster {}: the audit row could not be written ({})", disclosure.document(),
				disclosure.cluster(), cause.getClass().getSimpleName());
		return new AuditUnavailableException(cause);
	}

	/**
	 * A cluster's events, newest first: at most {@code limit}, older than event
	 * {@code before} when given. Empty when there is no such cluster.
	 */
	public Optional<List<AuditEvent>> list(String cluster, Long before, int limit) {
		Optional<Long> id = jdbc.sql("SELECT id FROM cluster WHERE name = ?")
			.param(cluster)
			.query(Long.class)
			.optional();
		return id.map(clusterId -> jdbc
			.sql("SELECT id, occurred_at, cluster, node_group, node, document, credential_kind, credential_id,"
					+ " client_address, request_id, revision FROM audit_event WHERE cluster_id = ? AND id < ?"
					+ " ORDER BY id DESC LIMIT ?")
			.params(clusterId, (before != null) ? before : Long.MAX_VALUE, limit)
			.query((rs, n) -> new AuditEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11)))
			.list());
	}

}

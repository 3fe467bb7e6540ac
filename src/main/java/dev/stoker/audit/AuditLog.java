package dev.stoker.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
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

	private final JdbcClient jdbc;

	private final Clock clock;

	public AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a disclosure, or throws {@link AuditUnavailableException} (503), which
	 * rolls the caller's transaction back, or {@link ClusterGoneException} (404) when the
	 * cluster was deleted meanwhile.
	 */
	public void record(Disclosure disclosure, Requester requester) {
		if (insert(disclosure, requester, false) != 1) {
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
		if (insert(disclosure, requester, true) == 1) {
			return true;
		}
		Optional<Long> revision;
		try {
			revision = jdbc.sql("SELECT revision FROM cluster WHERE name = ?")
				.param(disclosure.cluster())
				.query(Long.class)
				.optional();
		}
		catch (DataAccessException ex) {
			throw withheld(disclosure, ex);
		}
		if (revision.isEmpty()) {
			throw gone(disclosure);
		}
		return false;
	}

	private int insert(Disclosure disclosure, Requester requester, boolean atRevision) {
		try {
			return jdbc
				.sql("INSERT INTO audit_event (occurred_at, cluster_id, cluster, node_group, node, document,"
						+ " credential_kind, credential_id, client_address, request_id, revision)"
						+ " SELECT ?, id, name, ?, ?, ?, ?, ?, ?, ?, ? FROM cluster WHERE name = ?"
						+ (atRevision ? " AND revision = ?" : ""))
				.params(atRevision ? params(disclosure, requester, disclosure.revision())
						: params(disclosure, requester))
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

	private Object[] params(Disclosure disclosure, Requester requester, Object... more) {
		List<Object> params = new java.util.ArrayList<>(List.of(StoredTime.column(clock.instant())));
		params.addAll(java.util.Arrays.asList(disclosure.group(), disclosure.node(), disclosure.document(),
				requester.credentialKind(), requester.credentialId(), requester.clientAddress(), requester.requestId(),
				disclosure.revision(), disclosure.cluster()));
		params.addAll(List.of(more));
		return params.toArray();
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

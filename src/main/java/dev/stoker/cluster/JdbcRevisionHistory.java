package dev.stoker.cluster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.stoker.audit.Requester;
import dev.stoker.database.StoredTime;
import dev.stoker.definition.ClusterDefinition;
import dev.stoker.json.Mappers;

/**
 * The {@code cluster_revision} table. A write joins the caller's transaction, the one
 * that bumped the revision: a revision is in the history exactly when it was stored.
 */
@Repository
class JdbcRevisionHistory implements RevisionHistory {

	private static final String COLUMNS = "SELECT r.revision, r.created_at, r.change, r.credential_kind,"
			+ " r.credential_id, r.request_id, r.definition FROM cluster_revision r JOIN cluster c ON c.id = r.cluster_id";

	private final JdbcClient jdbc;

	private final int retention;

	JdbcRevisionHistory(JdbcClient jdbc, HistorySettings settings) {
		this.jdbc = jdbc;
		this.retention = settings.retention();
	}

	@Override
	public void record(StoredCluster stored, Revision.Change change, Requester requester) {
		jdbc.sql("INSERT INTO cluster_revision (cluster_id, revision, definition, change, created_at,"
				+ " credential_kind, credential_id, request_id) SELECT id, ?, ?, ?, ?, ?, ?, ? FROM cluster WHERE name = ?")
			.params(stored.revision(), Mappers.json().writeValueAsString(stored.definition()), change.value(),
					StoredTime.column(stored.updatedAt()), requester.credentialKind(), requester.credentialId(),
					requester.requestId(), stored.name())
			.update();
		jdbc.sql("DELETE FROM cluster_revision WHERE cluster_id = (SELECT id FROM cluster WHERE name = ?)"
				+ " AND revision <= ?")
			.params(stored.name(), stored.revision() - retention)
			.update();
	}

	@Override
	public Optional<List<Revision>> list(String cluster, Long before, int limit) {
		Optional<Long> id = jdbc.sql("SELECT id FROM cluster WHERE name = ?")
			.param(cluster)
			.query(Long.class)
			.optional();
		return id.map(
				(clusterId) -> jdbc.sql(COLUMNS + " WHERE c.id = ? AND r.revision < ? ORDER BY r.revision DESC LIMIT ?")
					.params(clusterId, (before != null) ? before : Long.MAX_VALUE, limit)
					.query(this::row)
					.list());
	}

	@Override
	public Optional<Revision> find(String cluster, long revision) {
		return jdbc.sql(COLUMNS + " WHERE c.name = ? AND r.revision = ?")
			.params(cluster, revision)
			.query(this::row)
			.optional();
	}

	private Revision row(ResultSet rs, int rowNum) throws SQLException {
		return new Revision(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getString(6),
				Mappers.json().readValue(rs.getString(7), ClusterDefinition.class));
	}

}

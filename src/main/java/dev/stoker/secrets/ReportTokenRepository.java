package dev.stoker.secrets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The report-credential columns of the {@code fetch_token} table (migration V9). Every
 * statement joins the caller's transaction.
 */
@Repository
class ReportTokenRepository {

	/** A group's credential: its id and encrypted value, and whose it is. */
	record Row(long clusterId, String cluster, String group, String tokenId, String encrypted) {

	}

	private static final String SELECT = "SELECT t.cluster_id, c.name, t.node_group, t.report_token_id, t.report_token"
			+ " FROM fetch_token t JOIN cluster c ON c.id = t.cluster_id";

	private final JdbcClient jdbc;

	ReportTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The groups of the cluster that have a fetch-token row but no report credential. */
	List<String> groupsWithout(long clusterId) {
		return jdbc.sql("SELECT node_group FROM fetch_token WHERE cluster_id = ? AND report_token IS NULL")
			.param(clusterId)
			.query(String.class)
			.list();
	}

	boolean put(long clusterId, String group, String tokenId, String lookupHash, String encrypted) {
		return jdbc
			.sql("UPDATE fetch_token SET report_token_id = ?, report_lookup_hash = ?, report_token = ?"
					+ " WHERE cluster_id = ? AND node_group = ?")
			.params(tokenId, lookupHash, encrypted, clusterId, group)
			.update() == 1;
	}

	Optional<Row> find(String cluster, String group) {
		return jdbc.sql(SELECT + " WHERE c.name = ? AND t.node_group = ? AND t.report_token IS NOT NULL")
			.params(cluster, group)
			.query((rs, n) -> row(rs))
			.optional();
	}

	Optional<Row> findByLookupHash(String lookupHash) {
		return jdbc.sql(SELECT + " WHERE t.report_lookup_hash = ?")
			.param(lookupHash)
			.query((rs, n) -> row(rs))
			.optional();
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
	}

}

package dev.stoker.secrets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.stoker.database.StoredTime;

/** The {@code fetch_token} table. Every statement joins the caller's transaction. */
@Repository
class FetchTokenRepository {

	/** A row: the token's id and its encrypted value, and whose it is. */
	record Row(long clusterId, String cluster, String group, String tokenId, String encrypted) {

	}

	private static final String SELECT = "SELECT t.cluster_id, c.name, t.node_group, t.token_id, t.token"
			+ " FROM fetch_token t JOIN cluster c ON c.id = t.cluster_id";

	private final JdbcClient jdbc;

	FetchTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<String> groups(long clusterId) {
		return jdbc.sql("SELECT node_group FROM fetch_token WHERE cluster_id = ?")
			.param(clusterId)
			.query(String.class)
			.list();
	}

	void insert(long clusterId, String group, String tokenId, String lookupHash, String encrypted, Instant now) {
		jdbc.sql("INSERT INTO fetch_token (cluster_id, node_group, token_id, lookup_hash, token, created_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(clusterId, group, tokenId, lookupHash, encrypted, StoredTime.column(now))
			.update();
	}

	boolean replace(long clusterId, String group, String tokenId, String lookupHash, String encrypted, Instant now) {
		return jdbc
			.sql("UPDATE fetch_token SET token_id = ?, lookup_hash = ?, token = ?, created_at = ?"
					+ " WHERE cluster_id = ? AND node_group = ?")
			.params(tokenId, lookupHash, encrypted, StoredTime.column(now), clusterId, group)
			.update() == 1;
	}

	void delete(long clusterId, String group) {
		jdbc.sql("DELETE FROM fetch_token WHERE cluster_id = ? AND node_group = ?").params(clusterId, group).update();
	}

	Optional<Row> find(String cluster, String group) {
		return jdbc.sql(SELECT + " WHERE c.name = ? AND t.node_group = ?")
			.params(cluster, group)
			.query((rs, n) -> row(rs))
			.optional();
	}

	Optional<Row> findByLookupHash(String lookupHash) {
		return jdbc.sql(SELECT + " WHERE t.lookup_hash = ?").param(lookupHash).query((rs, n) -> row(rs)).optional();
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
	}

}

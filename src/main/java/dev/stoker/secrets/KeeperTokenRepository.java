package dev.stoker.secrets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.stoker.database.StoredTime;

/** The {@code keeper_token} table. Every statement joins the caller's transaction. */
@Repository
class KeeperTokenRepository {

	/** A row: the credential's id and its encrypted value, and whose it is. */
	record Row(long clusterId, String cluster, String tokenId, String encrypted) {

	}

	private static final String SELECT = "SELECT t.cluster_id, c.name, t.token_id, t.token"
			+ " FROM keeper_token t JOIN cluster c ON c.id = t.cluster_id";

	private final JdbcClient jdbc;

	KeeperTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the cluster's row, or replaces the one it has. */
	void put(long clusterId, String tokenId, String lookupHash, String encrypted, Instant now) {
		int updated = jdbc.sql(
				"UPDATE keeper_token SET token_id = ?, lookup_hash = ?, token = ?, created_at = ? WHERE cluster_id = ?")
			.params(tokenId, lookupHash, encrypted, StoredTime.column(now), clusterId)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO keeper_token (cluster_id, token_id, lookup_hash, token, created_at)"
					+ " VALUES (?, ?, ?, ?, ?)")
				.params(clusterId, tokenId, lookupHash, encrypted, StoredTime.column(now))
				.update();
		}
	}

	Optional<Row> find(String cluster) {
		return jdbc.sql(SELECT + " WHERE c.name = ?").param(cluster).query((rs, n) -> row(rs)).optional();
	}

	Optional<Row> findByLookupHash(String lookupHash) {
		return jdbc.sql(SELECT + " WHERE t.lookup_hash = ?").param(lookupHash).query((rs, n) -> row(rs)).optional();
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
	}

}

package dev.stoker.secrets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code cluster_secrets} table. It knows the cluster table only by its name and id
 * columns. Every statement joins the caller's transaction, if there is one. There is
 * deliberately no way to list secrets.
 */
@Repository
class ClusterSecretsRepository {

	private final JdbcClient jdbc;

	ClusterSecretsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> clusterId(String cluster) {
		return jdbc.sql("SELECT id FROM cluster WHERE name = ?").param(cluster).query(Long.class).optional();
	}

	void insert(EncryptedSecrets secrets) {
		jdbc.sql("INSERT INTO cluster_secrets (cluster_id, revision, bootstrap_token, certificate_key, ca_certificate,"
				+ " ca_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(secrets.clusterId(), secrets.revision(), secrets.bootstrapToken(), secrets.certificateKey(),
					secrets.caCertificate(), secrets.caKey(), utc(secrets.createdAt()), utc(secrets.updatedAt()))
			.update();
	}

	Optional<EncryptedSecrets> find(String cluster) {
		return jdbc
			.sql("SELECT s.cluster_id, s.revision, s.bootstrap_token, s.certificate_key, s.ca_certificate, s.ca_key,"
					+ " s.created_at, s.updated_at FROM cluster_secrets s JOIN cluster c ON c.id = s.cluster_id"
					+ " WHERE c.name = ?")
			.param(cluster)
			.query(this::row)
			.optional();
	}

	private EncryptedSecrets row(ResultSet rs, int rowNum) throws SQLException {
		return new EncryptedSecrets(rs.getLong("cluster_id"), rs.getLong("revision"), rs.getString("bootstrap_token"),
				rs.getString("certificate_key"), rs.getString("ca_certificate"), rs.getString("ca_key"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	/** As the cluster table does: never through java.sql.Timestamp and the local zone. */
	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}

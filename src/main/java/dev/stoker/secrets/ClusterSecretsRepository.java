package dev.stoker.secrets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.stoker.database.StoredTime;
import dev.stoker.secrets.EncryptedSecrets.EncryptedPki;

/**
 * The {@code cluster_secrets} table. It knows the cluster table only by its name and id
 * columns. Every statement joins the caller's transaction, if there is one. There is
 * deliberately no way to list secrets.
 */
@Repository
class ClusterSecretsRepository {

	private static final String SELECT = "SELECT s.cluster_id, s.revision, s.bootstrap_token, s.certificate_key,"
			+ " s.ca_certificate, s.ca_key, s.created_at, s.updated_at, s.front_proxy_ca_certificate,"
			+ " s.front_proxy_ca_key, s.etcd_ca_certificate, s.etcd_ca_key, s.service_account_key,"
			+ " s.service_account_public_key" + " FROM cluster_secrets s JOIN cluster c ON c.id = s.cluster_id";

	private final JdbcClient jdbc;

	ClusterSecretsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> clusterId(String cluster) {
		return jdbc.sql("SELECT id FROM cluster WHERE name = ?").param(cluster).query(Long.class).optional();
	}

	/** Inserts a new cluster's row, which has a control-plane PKI. */
	void insert(EncryptedSecrets secrets) {
		EncryptedPki pki = secrets.pki();
		jdbc.sql("INSERT INTO cluster_secrets (cluster_id, revision, bootstrap_token, certificate_key, ca_certificate,"
				+ " ca_key, created_at, updated_at, front_proxy_ca_certificate, front_proxy_ca_key,"
				+ " etcd_ca_certificate, etcd_ca_key, service_account_key, service_account_public_key)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(secrets.clusterId(), secrets.revision(), secrets.bootstrapToken(), secrets.certificateKey(),
					secrets.caCertificate(), secrets.caKey(), StoredTime.column(secrets.createdAt()),
					StoredTime.column(secrets.updatedAt()), pki.frontProxyCaCertificate(), pki.frontProxyCaKey(),
					pki.etcdCaCertificate(), pki.etcdCaKey(), pki.serviceAccountKey(), pki.serviceAccountPublicKey())
			.update();
	}

	Optional<EncryptedSecrets> find(String cluster) {
		return jdbc.sql(SELECT + " WHERE c.name = ?").param(cluster).query(this::row).optional();
	}

	/**
	 * The row, only while the cluster row is at this revision (in the same statement).
	 */
	Optional<EncryptedSecrets> findAt(String cluster, long revision) {
		return jdbc.sql(SELECT + " WHERE c.name = ? AND c.revision = ?")
			.params(cluster, revision)
			.query(this::row)
			.optional();
	}

	/**
	 * Writes new values for a rotation, if the row is still at {@code expectedRevision};
	 * false when another write came first.
	 */
	boolean rotate(EncryptedSecrets secrets, long expectedRevision, boolean bootstrapToken, boolean certificateKey) {
		OffsetDateTime now = StoredTime.column(secrets.updatedAt());
		return jdbc
			.sql("UPDATE cluster_secrets SET revision = ?, bootstrap_token = ?, certificate_key = ?, updated_at = ?,"
					+ " bootstrap_token_rotated_at = CASE WHEN ? THEN ? ELSE bootstrap_token_rotated_at END,"
					+ " certificate_key_rotated_at = CASE WHEN ? THEN ? ELSE certificate_key_rotated_at END"
					+ " WHERE cluster_id = ? AND revision = ?")
			.params(secrets.revision(), secrets.bootstrapToken(), secrets.certificateKey(), now, bootstrapToken, now,
					certificateKey, now, secrets.clusterId(), expectedRevision)
			.update() == 1;
	}

	/**
	 * Sets the time of the bootstrap document's first fetch, unless it is set already.
	 */
	void recordBootstrapFetch(String cluster, Instant at) {
		jdbc.sql("UPDATE cluster_secrets SET bootstrap_fetched_at = ? WHERE bootstrap_fetched_at IS NULL"
				+ " AND cluster_id = (SELECT id FROM cluster WHERE name = ?)")
			.params(StoredTime.column(at), cluster)
			.update();
	}

	Optional<SecretClocks> clocks(String cluster) {
		return jdbc
			.sql("SELECT s.bootstrap_fetched_at, s.bootstrap_token_rotated_at, s.certificate_key_rotated_at,"
					+ " s.certificate_key IS NOT NULL"
					+ " FROM cluster_secrets s JOIN cluster c ON c.id = s.cluster_id WHERE c.name = ?")
			.param(cluster)
			.query((rs, n) -> new SecretClocks(instant(rs, 1), instant(rs, 2), instant(rs, 3), rs.getBoolean(4)))
			.optional();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private EncryptedSecrets row(ResultSet rs, int rowNum) throws SQLException {
		return new EncryptedSecrets(rs.getLong("cluster_id"), rs.getLong("revision"), rs.getString("bootstrap_token"),
				rs.getString("certificate_key"), rs.getString("ca_certificate"), rs.getString("ca_key"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), pki(rs));
	}

	/**
	 * Null for a row stored before the PKI columns existed (V6 keeps them null there).
	 */
	private static EncryptedPki pki(ResultSet rs) throws SQLException {
		if (rs.getString("front_proxy_ca_certificate") == null) {
			return null;
		}
		return new EncryptedPki(rs.getString("front_proxy_ca_certificate"), rs.getString("front_proxy_ca_key"),
				rs.getString("etcd_ca_certificate"), rs.getString("etcd_ca_key"), rs.getString("service_account_key"),
				rs.getString("service_account_public_key"));
	}

}

package dev.stoker.secrets;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Stored cluster secrets on a real database, through the application's migrations: what
 * is stored is ciphertext bound to its row and column, what is loaded is what was
 * generated, and deleting a cluster takes its secrets along.
 */
abstract class ClusterSecretsContract {

	private static final Set<DataSource> migrated = ConcurrentHashMap.newKeySet();

	private static final Instant NOW = Instant.parse("2026-06-01T08:00:00.123456Z");

	private static final List<String> COLUMNS = List.of("bootstrap_token", "ca_certificate", "ca_key",
			"front_proxy_ca_certificate", "front_proxy_ca_key", "etcd_ca_certificate", "etcd_ca_key",
			"service_account_key", "service_account_public_key");

	private final MasterKey masterKey = new MasterKey(new SecureRandomSource().bytes(32));

	private JdbcClient jdbc;

	private ClusterSecrets secrets;

	protected abstract DataSource dataSource();

	@BeforeEach
	void emptyDatabase() {
		if (migrated.add(dataSource())) {
			Flyway.configure().dataSource(dataSource()).load().migrate();
		}
		jdbc = JdbcClient.create(dataSource());
		jdbc.sql("DELETE FROM cluster").update();
		// as the start records it: writes check that the store is under their key
		jdbc.sql("DELETE FROM master_key").update();
		jdbc.sql("INSERT INTO master_key (singleton, key_id, recorded_at) VALUES (TRUE, ?, ?)")
			.params(masterKey.id(), NOW.atOffset(ZoneOffset.UTC))
			.update();
		secrets = secrets(masterKey, "seed");
	}

	private ClusterSecrets secrets(MasterKey key, String seed) {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		return new StoredClusterSecrets(new ClusterSecretsRepository(jdbc),
				new SecretGenerator(new SeededRandomSource(seed), clock),
				new SecretCipher(key, new SecureRandomSource()), new SeededRandomSource(seed + "-rotation"), clock,
				new RecordedMasterKey(new JdbcTemplate(dataSource()), key));
	}

	/** A cluster row as the cluster repository writes one; its definition is not read. */
	private void insertCluster(String name) {
		OffsetDateTime now = NOW.atOffset(ZoneOffset.UTC);
		jdbc.sql("INSERT INTO cluster (name, revision, definition, created_at, updated_at) VALUES (?, 1, '{}', ?, ?)")
			.params(name, now, now)
			.update();
	}

	private long idOf(String cluster) {
		return jdbc.sql("SELECT id FROM cluster WHERE name = ?").param(cluster).query(Long.class).single();
	}

	private Map<String, Object> storedRow(String cluster) {
		return jdbc.sql("SELECT * FROM cluster_secrets WHERE cluster_id = ?").param(idOf(cluster)).query().singleRow();
	}

	@Test
	void whatIsCreatedLoadsBackAsGenerated() {
		insertCluster("alpha");
		secrets.create("alpha");

		KubeadmSecrets expected = new SecretGenerator(new SeededRandomSource("seed"), Clock.fixed(NOW, ZoneOffset.UTC))
			.generate();
		assertThat(secrets.load("alpha")).contains(expected);
	}

	@Test
	void everyColumnHoldsCiphertextUnderTheMasterKeyAndNoPlaintext() {
		insertCluster("alpha");
		secrets.create("alpha");
		KubeadmSecrets loaded = secrets.load("alpha").orElseThrow();

		Map<String, Object> row = storedRow("alpha");
		assertThat(row).containsEntry("revision", 1L);
		for (String column : COLUMNS) {
			assertThat((String) row.get(column)).as(column)
				.matches("v1:" + masterKey.id() + ":[A-Za-z0-9+/]+={0,2}")
				.doesNotContain(loaded.bootstrapToken().secret(),
						SecretGeneratorTest.body(loaded.ca().privateKeyPem()).substring(0, 40),
						SecretGeneratorTest.body(loaded.controlPlanePki().serviceAccount().privateKeyPem())
							.substring(0, 40),
						"BEGIN");
		}
		assertThat(row.get("certificate_key")).as("a cluster created now has no certificate key").isNull();
	}

	@Test
	void aRowHoldsACertificateKeyOrThePkiNeverBothNorNeither() {
		insertCluster("alpha");
		secrets.create("alpha");

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> jdbc.sql("UPDATE cluster_secrets SET certificate_key = bootstrap_token").update());
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> jdbc.sql("UPDATE cluster_secrets SET service_account_key = NULL").update());
		assertThat(secrets.load("alpha")).isPresent();
	}

	@Test
	void aClusterWithThePkiHasNoCertificateKeyToRotateNorItsClock() {
		insertCluster("alpha");
		secrets.create("alpha");
		KubeadmSecrets before = secrets.load("alpha").orElseThrow();
		secrets.recordBootstrapFetch("alpha", NOW);

		assertThatExceptionOfType(NoCertificateKeyException.class).isThrownBy(() -> secrets.rotate("alpha", true, true))
			.withMessage("Cluster alpha has no certificate key to rotate");

		assertThat(secrets.load("alpha")).contains(before);
		assertThat(storedRow("alpha")).containsEntry("revision", 1L);
		SecretClocks clocks = secrets.clocks("alpha").orElseThrow();
		assertThat(clocks.certificateKeySince()).isEmpty();
		assertThat(clocks.bootstrapTokenSince()).contains(NOW);
	}

	@Test
	void creationTimesAreKept() {
		insertCluster("alpha");
		secrets.create("alpha");
		Map<String, Object> row = storedRow("alpha");
		assertThat(jdbc.sql("SELECT created_at, updated_at FROM cluster_secrets WHERE cluster_id = ?")
			.param(row.get("cluster_id"))
			.query((rs, i) -> List.of(rs.getObject(1, OffsetDateTime.class).toInstant(),
					rs.getObject(2, OffsetDateTime.class).toInstant()))
			.single()).containsExactly(NOW, NOW);
	}

	@Test
	void eachClusterHasSecretsOfItsOwn() {
		insertCluster("alpha");
		insertCluster("beta");
		secrets.create("alpha");
		secrets(masterKey, "other seed").create("beta");

		KubeadmSecrets alpha = secrets.load("alpha").orElseThrow();
		KubeadmSecrets beta = secrets.load("beta").orElseThrow();
		assertThat(beta.bootstrapToken()).isNotEqualTo(alpha.bootstrapToken());
		assertThat(beta.controlPlanePki()).isNotEqualTo(alpha.controlPlanePki());
		assertThat(beta.ca()).isNotEqualTo(alpha.ca());
	}

	@Test
	void anUnknownClusterHasNoSecrets() {
		assertThat(secrets.load("nowhere")).isEmpty();
	}

	@Test
	void noSecretsAreMadeForAClusterThatDoesNotExist() {
		assertThatIllegalStateException().isThrownBy(() -> secrets.create("nowhere"))
			.withMessageContaining("no cluster nowhere");
		assertThat(jdbc.sql("SELECT count(*) FROM cluster_secrets").query(Long.class).single()).isZero();
	}

	@Test
	void aClusterGetsSecretsOnce() {
		insertCluster("alpha");
		secrets.create("alpha");
		KubeadmSecrets first = secrets.load("alpha").orElseThrow();

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> secrets(masterKey, "other seed").create("alpha"));
		assertThat(secrets.load("alpha")).contains(first);
	}

	@Test
	void deletingAClusterDeletesItsSecrets() {
		insertCluster("alpha");
		insertCluster("beta");
		secrets.create("alpha");
		secrets.create("beta");

		jdbc.sql("DELETE FROM cluster WHERE name = ?").param("alpha").update();

		assertThat(jdbc.sql("SELECT count(*) FROM cluster_secrets").query(Long.class).single()).isOne();
		assertThat(secrets.load("alpha")).isEmpty();
		assertThat(secrets.load("beta")).isPresent();
	}

	@Test
	void aValueCopiedFromAnotherClusterFailsClosed() {
		insertCluster("alpha");
		insertCluster("beta");
		secrets.create("alpha");
		secrets.create("beta");

		jdbc.sql("UPDATE cluster_secrets SET ca_key = (SELECT ca_key FROM cluster_secrets WHERE cluster_id = ?)"
				+ " WHERE cluster_id = ?")
			.params(idOf("beta"), idOf("alpha"))
			.update();

		assertThatExceptionOfType(SecretDecryptionException.class).isThrownBy(() -> secrets.load("alpha"))
			.withMessageContaining("cluster:" + idOf("alpha") + ":ca-key");
		assertThat(secrets.load("beta")).isPresent();
	}

	@ParameterizedTest(name = "{0} fails closed")
	@CsvSource({ "service_account_key = bootstrap_token, :service-account-key",
			"etcd_ca_key = front_proxy_ca_key, :etcd-ca-key" })
	void aValueMovedToAnotherColumnFailsClosed(String move, String kind) {
		insertCluster("alpha");
		secrets.create("alpha");

		jdbc.sql("UPDATE cluster_secrets SET " + move).update();

		assertThatExceptionOfType(SecretDecryptionException.class).isThrownBy(() -> secrets.load("alpha"))
			.withMessageContaining(kind);
	}

	@Test
	void anotherMasterKeyCannotReadThemAndSaysWhy() {
		insertCluster("alpha");
		secrets.create("alpha");
		MasterKey other = new MasterKey(new SecureRandomSource().bytes(32));

		assertThatExceptionOfType(StaleMasterKeyException.class).isThrownBy(() -> secrets(other, "seed").load("alpha"))
			.withMessageContaining("encrypted under master key " + masterKey.id())
			.withMessageContaining("configured master key is " + other.id());
	}

	@Test
	void anotherMasterKeyWritesNothing() {
		insertCluster("alpha");
		insertCluster("beta");
		secrets.create("alpha");
		MasterKey other = new MasterKey(new SecureRandomSource().bytes(32));

		assertThatExceptionOfType(StaleMasterKeyException.class).isThrownBy(() -> secrets(other, "seed").create("beta"))
			.withMessageStartingWith("The store is under master key " + masterKey.id()
					+ ", but this instance runs with master key " + other.id());
		assertThatExceptionOfType(StaleMasterKeyException.class)
			.isThrownBy(() -> secrets(other, "seed").rotate("alpha", true, true));
		assertThat(secrets.load("beta")).isEmpty();
		assertThat(storedRow("alpha")).containsEntry("revision", 1L);
	}

	@Test
	void theyAreWrittenInTheCallersTransaction() {
		insertCluster("alpha");
		TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource()));

		transaction.executeWithoutResult((status) -> {
			secrets.create("alpha");
			status.setRollbackOnly();
		});

		assertThat(secrets.load("alpha")).isEmpty();
	}

}

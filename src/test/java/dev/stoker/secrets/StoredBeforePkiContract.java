package dev.stoker.secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneYaml;
import dev.stoker.definition.ClusterDefinition;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.definition.ValidNode;
import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.ignition.ButaneTranspiler;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.json.Mappers;
import dev.stoker.render.NodeButane;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database as it was before Stoker generated the control-plane PKI: the schema of
 * migrations V1 to V5 holding clusters whose secrets are a bootstrap token, a certificate
 * key and the CA, written as the code of that time wrote them. Migrated to the current
 * schema, those clusters load with their certificate key and no PKI, keep rotating it,
 * keep their certificate-key clock, and render byte for byte the documents they rendered
 * then (the golden files under {@code golden/legacy}, kept as they were and never
 * rewritten).
 */
abstract class StoredBeforePkiContract {

	/** The clock and seeds the document golden tests render with. */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

	private static final Instant STORED_AT = Instant.parse("2026-11-28T12:00:00Z");

	private static final Instant BOOTSTRAP_FETCHED_AT = Instant.parse("2026-11-28T12:30:00Z");

	private static final Path LEGACY_GOLDEN = Path.of("src", "test", "resources", "golden", "legacy");

	private final MasterKey masterKey = new MasterKey(new SecureRandomSource().bytes(32));

	private JdbcClient jdbc;

	private ClusterSecrets secrets;

	protected abstract DataSource dataSource();

	@BeforeEach
	void aDatabaseStoredBeforeThePkiThenMigrated() {
		Flyway.configure().dataSource(dataSource()).cleanDisabled(false).load().clean();
		Flyway.configure().dataSource(dataSource()).target("5").load().migrate();
		jdbc = JdbcClient.create(dataSource());
		jdbc.sql("INSERT INTO master_key (singleton, key_id, recorded_at) VALUES (TRUE, ?, ?)")
			.params(masterKey.id(), STORED_AT.atOffset(ZoneOffset.UTC))
			.update();
		for (String example : List.of("aws-dual-stack.yaml", "metal-ipv6-first.yaml")) {
			storeAsBefore(example(example).name());
		}
		Flyway.configure().dataSource(dataSource()).load().migrate();
		secrets = new StoredClusterSecrets(new ClusterSecretsRepository(jdbc),
				new SecretGenerator(new SeededRandomSource("new clusters"), CLOCK),
				new SecretCipher(masterKey, new SecureRandomSource()), new SeededRandomSource("rotation"), CLOCK,
				new RecordedMasterKey(new JdbcTemplate(dataSource()), masterKey));
	}

	/**
	 * The rows the code before the PKI wrote for a new cluster whose bootstrap node has
	 * fetched its Ignition: V2's columns, each value encrypted under the master key and
	 * bound to its row and kind.
	 */
	private void storeAsBefore(String cluster) {
		OffsetDateTime at = STORED_AT.atOffset(ZoneOffset.UTC);
		jdbc.sql("INSERT INTO cluster (name, revision, definition, created_at, updated_at) VALUES (?, 1, '{}', ?, ?)")
			.params(cluster, at, at)
			.update();
		long id = jdbc.sql("SELECT id FROM cluster WHERE name = ?").param(cluster).query(Long.class).single();
		KubeadmSecrets before = LegacySecrets.of(cluster, CLOCK);
		SecretCipher cipher = new SecretCipher(masterKey, new SecureRandomSource());
		jdbc.sql("INSERT INTO cluster_secrets (cluster_id, revision, bootstrap_token, certificate_key, ca_certificate,"
				+ " ca_key, created_at, updated_at, bootstrap_fetched_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, cipher.encrypt(before.bootstrapToken().value(), SecretKind.BOOTSTRAP_TOKEN.associatedData(id)),
					cipher.encrypt(before.certificateKey().hex(), SecretKind.CERTIFICATE_KEY.associatedData(id)),
					cipher.encrypt(before.ca().certificatePem(), SecretKind.CA_CERTIFICATE.associatedData(id)),
					cipher.encrypt(before.ca().privateKeyPem(), SecretKind.CA_KEY.associatedData(id)), at, at,
					BOOTSTRAP_FETCHED_AT.atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * The example as such a cluster's definition was stored: written before patchUpdates
	 * existed, so without it.
	 */
	private static ValidCluster example(String file) {
		try {
			ValidCluster valid = new ClusterValidator()
				.validate(Mappers.yaml().readTree(Files.readString(Path.of("examples", file))));
			ObjectNode stored = (ObjectNode) Mappers.json().valueToTree(valid.definition());
			stored.remove("patchUpdates");
			return ValidCluster.of(Mappers.json().treeToValue(stored, ClusterDefinition.class));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void theyLoadWithTheirCertificateKeyAndNoPki() {
		KubeadmSecrets loaded = secrets.load("prod-use1").orElseThrow();
		assertThat(loaded).isEqualTo(LegacySecrets.of("prod-use1", CLOCK));
		assertThat(loaded.uploadsCertificates()).isTrue();
		assertThat(loaded.controlPlanePki()).isNull();
	}

	@Test
	void theyRenderTheDocumentsTheyRenderedBeforeByteForByte() throws Exception {
		List<String> compared = new ArrayList<>();
		for (String file : List.of("aws-dual-stack.yaml", "metal-ipv6-first.yaml")) {
			ValidCluster cluster = example(file);
			KubeadmSecrets loaded = secrets.load(cluster.name()).orElseThrow();
			String stem = file.substring(0, file.lastIndexOf('.'));
			if (cluster.nodes().isEmpty()) {
				for (ValidGroup group : cluster.groups()) {
					compare(NodeButane.forGroup(cluster, group, loaded, null, null), stem + "/" + group.name(),
							compared);
				}
			}
			for (ValidNode node : cluster.nodes()) {
				compare(NodeButane.forNode(cluster, node, loaded, null, null), stem + "/" + node.name(), compared);
			}
		}
		assertThat(compared).hasSize(16);
	}

	private static void compare(ButaneConfig butane, String name, List<String> compared) throws Exception {
		assertThat(ButaneYaml.write(butane)).as(name + ".bu")
			.isEqualTo(Files.readString(LEGACY_GOLDEN.resolve(name + ".bu"), StandardCharsets.UTF_8));
		assertThat(IgnitionJson.write(ButaneTranspiler.transpile(butane)) + "\n").as(name + ".ign")
			.isEqualTo(Files.readString(LEGACY_GOLDEN.resolve(name + ".ign"), StandardCharsets.UTF_8));
		compared.add(name + ".bu");
		compared.add(name + ".ign");
	}

	@Test
	void theyKeepTheCertificateKeyClockAndRotatingTheKey() {
		assertThat(secrets.clocks("prod-use1").orElseThrow().certificateKeySince()).contains(BOOTSTRAP_FETCHED_AT);
		KubeadmSecrets before = secrets.load("prod-use1").orElseThrow();

		KubeadmSecrets rotated = secrets.rotate("prod-use1", false, true).orElseThrow();

		assertThat(rotated.certificateKey()).isNotNull().isNotEqualTo(before.certificateKey());
		assertThat(rotated.controlPlanePki()).isNull();
		assertThat(rotated.ca()).isEqualTo(before.ca());
		assertThat(secrets.load("prod-use1")).contains(rotated);
	}

	@Test
	void aClusterCreatedNowNextToThemGetsThePki() {
		OffsetDateTime at = STORED_AT.atOffset(ZoneOffset.UTC);
		jdbc.sql("INSERT INTO cluster (name, revision, definition, created_at, updated_at) VALUES (?, 1, '{}', ?, ?)")
			.params("fresh", at, at)
			.update();
		secrets.create("fresh");

		KubeadmSecrets fresh = secrets.load("fresh").orElseThrow();
		assertThat(fresh.uploadsCertificates()).isFalse();
		assertThat(fresh.certificateKey()).isNull();
		assertThat(fresh.controlPlanePki()).isNotNull();
		assertThat(secrets.load("prod-use1").orElseThrow().uploadsCertificates()).isTrue();
	}

}

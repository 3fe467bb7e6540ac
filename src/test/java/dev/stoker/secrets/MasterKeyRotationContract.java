package dev.stoker.secrets;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.stoker.StokerApplication;
import dev.stoker.TestDefinitions;
import dev.stoker.TestRequester;
import dev.stoker.access.Credential;
import dev.stoker.cluster.ClusterService;
import dev.stoker.json.Mappers;
import dev.stoker.serving.DocumentFormat;
import dev.stoker.serving.DocumentTarget;
import dev.stoker.serving.NodeDocuments;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotating the master key as an operator does, with whole applications started on the
 * store under test: one under the old key writes clusters, one started with the new key
 * and the old one as {@code stoker.master.previous-key} re-encrypts them at start. Every
 * secret and fetch token reads back the same under the new key (so documents render byte
 * for byte the same), a rotation that fails halfway leaves the old store as it was, and
 * an instance still running with the old key refuses to write or to judge a fetch token.
 * No key's value ever reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class MasterKeyRotationContract {

	static final String OLD = Base64.getEncoder().encodeToString(new SecureRandomSource().bytes(32));

	static final String NEW = Base64.getEncoder().encodeToString(new SecureRandomSource().bytes(32));

	static final String ADMIN_TOKEN = "master-key-rotation-test-admin-token";

	private static final List<String> GROUPS = List.of("bootstrap", "control-plane", "workers");

	private static final Set<DataSource> migrated = ConcurrentHashMap.newKeySet();

	@TempDir
	Path dataDir;

	private final List<ConfigurableApplicationContext> running = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	/** The store under test, read directly. */
	protected abstract DataSource dataSource();

	/** The settings that start an application on that store. */
	protected abstract List<String> databaseSettings();

	@BeforeEach
	void emptyStore() {
		if (migrated.add(dataSource())) {
			Flyway.configure().dataSource(dataSource()).load().migrate();
		}
		for (String table : List.of("cluster", "master_key", "audit_event")) {
			jdbc().sql("DELETE FROM " + table).update();
		}
	}

	@AfterEach
	void stopApplications() {
		running.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void theNewKeyReadsEverythingTheOldOneWroteAndDocumentsStayByteForByteTheSame(CapturedOutput output) {
		ConfigurableApplicationContext before = start(OLD, null);
		Map<String, FetchToken> tokens = new LinkedHashMap<>();
		create(before, "alpha").forEach((group, token) -> tokens.put("alpha/" + group, token));
		create(before, "beta").forEach((group, token) -> tokens.put("beta/" + group, token));
		StoredBeforeThePki.rewrite(jdbc(), new MasterKey(Base64.getDecoder().decode(OLD)), "beta");
		Map<String, KubeadmSecrets> secrets = Map.of("alpha", load(before, "alpha"), "beta", load(before, "beta"));
		assertThat(secrets.get("beta").uploadsCertificates()).isTrue();
		assertThat(secrets.get("alpha").uploadsCertificates()).isFalse();
		Map<String, String> documents = documents(before, "alpha", "beta");
		Map<String, String> stored = storedValues();
		Map<String, Long> revisions = revisions();
		before.close();

		ConfigurableApplicationContext after = start(NEW, OLD);

		assertThat(recordedKeyId()).isEqualTo(id(NEW));
		Map<String, String> rotated = storedValues();
		// alpha has the control-plane PKI (9 values), beta a certificate key instead (4)
		assertThat(rotated).hasSize(9 + 4 + 6 * 2).containsOnlyKeys(stored.keySet());
		rotated.forEach((where, value) -> {
			assertThat(value).as(where).isNotEqualTo(stored.get(where));
			if (!where.endsWith("lookup_hash")) {
				assertThat(value).as(where).startsWith("v1:" + id(NEW) + ":");
			}
		});
		assertThat(columnsHolding("v1:" + id(OLD) + ":")).isEmpty();
		assertThat(revisions()).isEqualTo(revisions);
		secrets.forEach((cluster, expected) -> assertThat(load(after, cluster)).as(cluster).isEqualTo(expected));
		assertThat(documents(after, "alpha", "beta")).isEqualTo(documents);
		tokens.forEach((where, token) -> assertThat(after.getBean(FetchTokens.class).authenticate(token)).as(where)
			.contains(new FetchTokenHolder(where.split("/")[0], where.split("/")[1], token.id())));
		assertThat(output).contains("Re-encrypted the secrets of 2 clusters and 6 fetch tokens from master key "
				+ id(OLD) + " to " + id(NEW) + ": the store is under " + id(NEW) + " from now on");
		after.close();

		assertThatThrownBy(() -> start(OLD, null)).rootCause()
			.isInstanceOf(StoredMasterKey.WrongMasterKeyException.class)
			.hasMessageStartingWith("The stored secrets are encrypted under master key " + id(NEW)
					+ ", but the configured master key is " + id(OLD) + ".");
		start(NEW, OLD);
		assertThat(output).contains("The store is under the configured master key " + id(NEW) + ": the previous key "
				+ id(OLD) + " (stoker.master.previous-key (STOKER_MASTER_PREVIOUSKEY)) is not used and may be removed");
		assertThat(storedValues()).as("re-encrypted once").isEqualTo(rotated);
		assertThat(output.getAll()).doesNotContain(OLD).doesNotContain(NEW);
	}

	@Test
	void aRotationThatFailsHalfwayLeavesTheOldStoreReadableByTheOldKey(CapturedOutput output) {
		ConfigurableApplicationContext before = start(OLD, null);
		Map<String, FetchToken> tokens = create(before, "alpha");
		create(before, "beta");
		Map<String, String> documents = documents(before, "alpha", "beta");
		before.close();
		// the rotation goes by cluster row, then group: beta's workers come last, after
		// every other value was re-encrypted. Another group's ciphertext does
		// not decrypt there.
		long beta = jdbc().sql("SELECT id FROM cluster WHERE name = 'beta'").query(Long.class).single();
		String workers = token(beta, "workers");
		jdbc().sql("UPDATE fetch_token SET token = ? WHERE cluster_id = ? AND node_group = 'workers'")
			.params(token(beta, "bootstrap"), beta)
			.update();
		Map<String, String> damaged = storedValues();

		assertThatThrownBy(() -> start(NEW, OLD)).satisfies((failure) -> {
			Throwable rotation = failure;
			while (!(rotation instanceof StoredMasterKey.RotationFailedException)) {
				rotation = rotation.getCause();
			}
			assertThat(rotation).hasMessageStartingWith("Re-encrypting the stored secrets from master key " + id(OLD)
					+ " to " + id(NEW) + " failed, so nothing was changed: the store is still under " + id(OLD) + ".");
			assertThat(rotation.getCause()).isInstanceOf(SecretDecryptionException.class)
				.hasMessageContaining("cluster:" + beta + ":fetch-token:workers");
		});

		assertThat(storedValues()).isEqualTo(damaged);
		assertThat(recordedKeyId()).isEqualTo(id(OLD));
		jdbc().sql("UPDATE fetch_token SET token = ? WHERE cluster_id = ? AND node_group = 'workers'")
			.params(workers, beta)
			.update();
		ConfigurableApplicationContext old = start(OLD, null);
		assertThat(documents(old, "alpha", "beta")).isEqualTo(documents);
		tokens.forEach(
				(group, token) -> assertThat(old.getBean(FetchTokens.class).authenticate(token)).as(group).isPresent());
		assertThat(output.getAll()).doesNotContain(OLD).doesNotContain(NEW);
	}

	@Test
	void anInstanceLeftWithTheOldKeyWritesNothingAndAnswers503NotA401() throws Exception {
		ConfigurableApplicationContext stale = start(OLD, null);
		Map<String, FetchToken> tokens = create(stale, "alpha");
		ConfigurableApplicationContext current = start(NEW, OLD);
		int old = port(stale);
		int rotated = port(current);

		assertThat(send(old, "GET", "/actuator/health/readiness", null, null).statusCode()).isEqualTo(503);
		assertThat(send(rotated, "GET", "/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);

		String ignition = "/api/v1/clusters/alpha/node-groups/workers/ignition";
		String workers = tokens.get("workers").value();
		assertUnavailable(send(old, "GET", ignition, workers, null));
		assertThat(send(rotated, "GET", ignition, workers, null).statusCode()).isEqualTo(200);
		String unknown = "stf.aaaaaaaaaaaa." + "A".repeat(43);
		assertUnavailable(send(old, "GET", ignition, unknown, null));
		assertThat(send(rotated, "GET", ignition, unknown, null).statusCode()).isEqualTo(401);
		assertUnavailable(send(old, "GET", ignition, ADMIN_TOKEN, null));

		Map<String, String> stored = storedValues();
		Map<String, Long> revisions = revisions();
		ObjectNode regrouped = (ObjectNode) Mappers.json().readTree(TestDefinitions.dualStackAws("alpha"));
		var groups = regrouped.putArray("nodeGroups");
		groups.addObject().put("name", "bootstrap").put("role", "bootstrap");
		groups.addObject().put("name", "control-plane").put("role", "control-plane");
		groups.addObject().put("name", "workers").put("role", "worker");
		groups.addObject().put("name", "gpu").put("role", "worker");
		assertUnavailable(send(old, "POST", "/api/v1/clusters", ADMIN_TOKEN, TestDefinitions.dualStackAws("beta")));
		assertUnavailable(send(old, "PUT", "/api/v1/clusters/alpha", ADMIN_TOKEN, regrouped.toString()));
		assertUnavailable(
				send(old, "POST", "/api/v1/clusters/alpha/node-groups/workers/fetch-token/rotate", ADMIN_TOKEN, null));
		assertUnavailable(send(old, "POST", "/api/v1/clusters/alpha/secrets/rotate", ADMIN_TOKEN,
				"{\"bootstrapToken\": true, \"certificateKey\": true}"));

		assertThat(jdbc().sql("SELECT name FROM cluster").query(String.class).list()).containsExactly("alpha");
		assertThat(storedValues()).isEqualTo(stored);
		assertThat(revisions()).isEqualTo(revisions);
		assertThat(columnsHolding("v1:" + id(OLD) + ":")).isEmpty();
		assertThat(send(rotated, "GET", ignition, workers, null).statusCode()).isEqualTo(200);
	}

	private static void assertUnavailable(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).contains("5");
		assertThat(response.body()).contains("\"type\":\"urn:stoker:problem:unavailable\"");
	}

	/** An application on the store under test, stopped after the test. */
	ConfigurableApplicationContext start(String key, String previousKey) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--stoker.data-dir=" + dataDir, "--stoker.admin.token=" + ADMIN_TOKEN, "--stoker.master.key=" + key));
		if (previousKey != null) {
			args.add("--stoker.master.previous-key=" + previousKey);
		}
		args.addAll(databaseSettings());
		ConfigurableApplicationContext context = SpringApplication.run(StokerApplication.class,
				args.toArray(String[]::new));
		running.add(context);
		return context;
	}

	static String id(String key) {
		return new MasterKey(Base64.getDecoder().decode(key)).id();
	}

	static MasterKey key(String key) {
		return new MasterKey(Base64.getDecoder().decode(key));
	}

	JdbcClient jdbc() {
		return JdbcClient.create(dataSource());
	}

	Map<String, FetchToken> create(ConfigurableApplicationContext context, String cluster) {
		return context.getBean(ClusterService.class)
			.create(Mappers.json().readTree(TestDefinitions.dualStackAws(cluster)), TestRequester.ADMIN)
			.newFetchTokens();
	}

	static KubeadmSecrets load(ConfigurableApplicationContext context, String cluster) {
		return context.getBean(ClusterSecrets.class).load(cluster).orElseThrow();
	}

	/**
	 * Every document of every group, and its user-data pointer (which embeds its token).
	 */
	private static Map<String, String> documents(ConfigurableApplicationContext context, String... clusters) {
		NodeDocuments documents = context.getBean(NodeDocuments.class);
		Map<String, String> rendered = new LinkedHashMap<>();
		for (String cluster : clusters) {
			for (String group : GROUPS) {
				DocumentTarget.Group target = new DocumentTarget.Group(group);
				for (DocumentFormat format : List.of(DocumentFormat.BUTANE, DocumentFormat.IGNITION,
						DocumentFormat.KUBEADM)) {
					rendered.put(cluster + "/" + group + "/" + format,
							documents
								.document(cluster, target, format, new Credential.Admin(), TestRequester.ADMIN,
										URI.create("https://stoker.example.com"))
								.body());
				}
				rendered.put(cluster + "/" + group + "/user-data",
						documents
							.userData(cluster, target, URI.create("https://stoker.example.com"), true,
									TestRequester.ADMIN)
							.body());
			}
		}
		return rendered;
	}

	/**
	 * Every value keyed from the master key, by table, row and column; a column a row has
	 * no value in (a certificate key or a PKI) is left out.
	 */
	Map<String, String> storedValues() {
		Map<String, String> values = new LinkedHashMap<>();
		List<String> columns = List.of("bootstrap_token", "certificate_key", "ca_certificate", "ca_key",
				"front_proxy_ca_certificate", "front_proxy_ca_key", "etcd_ca_certificate", "etcd_ca_key",
				"service_account_key", "service_account_public_key");
		jdbc().sql("SELECT cluster_id, " + String.join(", ", columns) + " FROM cluster_secrets ORDER BY cluster_id")
			.query((rs) -> {
				for (int i = 0; i < columns.size(); i++) {
					if (rs.getString(i + 2) != null) {
						values.put("cluster_secrets/" + rs.getLong(1) + "/" + columns.get(i), rs.getString(i + 2));
					}
				}
			});
		jdbc().sql("SELECT cluster_id, node_group, token, lookup_hash FROM fetch_token ORDER BY cluster_id, node_group")
			.query((rs) -> {
				String row = "fetch_token/" + rs.getLong(1) + "/" + rs.getString(2) + "/";
				values.put(row + "token", rs.getString(3));
				values.put(row + "lookup_hash", rs.getString(4));
			});
		return values;
	}

	/** The clusters' and their secrets' revisions, which a re-encryption leaves alone. */
	Map<String, Long> revisions() {
		Map<String, Long> revisions = new LinkedHashMap<>();
		jdbc().sql("SELECT id, revision FROM cluster").query((rs) -> {
			revisions.put("cluster/" + rs.getLong(1), rs.getLong(2));
		});
		jdbc().sql("SELECT cluster_id, revision FROM cluster_secrets").query((rs) -> {
			revisions.put("cluster_secrets/" + rs.getLong(1), rs.getLong(2));
		});
		return revisions;
	}

	String recordedKeyId() {
		return jdbc().sql("SELECT key_id FROM master_key").query(String.class).single();
	}

	private String token(long cluster, String group) {
		return jdbc().sql("SELECT token FROM fetch_token WHERE cluster_id = ? AND node_group = ?")
			.params(cluster, group)
			.query(String.class)
			.single();
	}

	/**
	 * Every column of every table of the store that holds the text somewhere: a column
	 * the rotation does not know of shows here.
	 */
	List<String> columnsHolding(String text) {
		List<String> columns = jdbc()
			.sql("SELECT table_name || '.' || column_name FROM information_schema.columns"
					+ " WHERE table_schema = CURRENT_SCHEMA")
			.query(String.class)
			.list();
		assertThat(columns).contains("cluster_secrets.ca_key", "fetch_token.token");
		return columns.stream().filter((column) -> {
			String[] parts = column.split("\\.");
			return jdbc().sql("SELECT count(*) FROM " + parts[0] + " WHERE CAST(" + parts[1] + " AS VARCHAR) LIKE ?")
				.param("%" + text + "%")
				.query(Long.class)
				.single() > 0;
		}).toList();
	}

	static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	HttpResponse<String> send(int port, String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}

package dev.stoker.secrets;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.stoker.TestDefinitions;
import dev.stoker.TestRequester;
import dev.stoker.access.Credential;
import dev.stoker.audit.AuditEvent;
import dev.stoker.audit.AuditLog;
import dev.stoker.audit.AuditUnavailableException;
import dev.stoker.audit.ClusterGoneException;
import dev.stoker.audit.Disclosure;
import dev.stoker.audit.Requester;
import dev.stoker.cluster.ClusterChange;
import dev.stoker.cluster.ClusterService;
import dev.stoker.cluster.NodeGroupNotFoundException;
import dev.stoker.cluster.Revisions;
import dev.stoker.json.Mappers;
import dev.stoker.serving.DocumentFormat;
import dev.stoker.serving.DocumentTarget;
import dev.stoker.serving.NodeDocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What node access keeps in the database, through the whole application and the
 * migrations: fetch tokens live and die with their node group and cluster, a rotated one
 * stops opening anything, the bootstrap's first fetch is recorded once, a rotation of the
 * join secrets moves the secrets' revision and clocks, and audit rows are written and
 * read back. An interface, so that the H2 and PostgreSQL variants can each extend their
 * own base.
 */
interface NodeAccessStorageContract {

	/** Where nodes reach Stoker in these tests. */
	java.net.URI STOKER = java.net.URI.create("https://stoker.example.com");

	/** The application on the database under test. */
	ApplicationContext context();

	private ClusterService clusters() {
		return context().getBean(ClusterService.class);
	}

	private FetchTokens fetchTokens() {
		return context().getBean(FetchTokens.class);
	}

	private ClusterSecrets secrets() {
		return context().getBean(ClusterSecrets.class);
	}

	private AuditLog audit() {
		return context().getBean(AuditLog.class);
	}

	private JdbcClient jdbc() {
		return context().getBean(JdbcClient.class);
	}

	private NodeDocuments documents() {
		return context().getBean(NodeDocuments.class);
	}

	/** The minimal dual-stack definition, with these node groups. */
	private static JsonNode definition(String name, String... groups) {
		ObjectNode definition = (ObjectNode) Mappers.json().readTree(TestDefinitions.dualStackAws(name));
		var array = definition.putArray("nodeGroups");
		for (String group : groups) {
			String role = switch (group) {
				case "bootstrap" -> "bootstrap";
				case "control-plane" -> "control-plane";
				default -> "worker";
			};
			array.addObject().put("name", group).put("role", role);
		}
		return definition;
	}

	private static JsonNode fourGroups(String name) {
		return definition(name, "bootstrap", "control-plane", "workers", "gpu");
	}

	private long tokenRows(String cluster) {
		return jdbc().sql("SELECT count(*) FROM fetch_token t JOIN cluster c ON c.id = t.cluster_id WHERE c.name = ?")
			.param(cluster)
			.query(Long.class)
			.single();
	}

	private long clusterId(String cluster) {
		return jdbc().sql("SELECT id FROM cluster WHERE name = ?").param(cluster).query(Long.class).single();
	}

	private long secretsRevision(String cluster) {
		return jdbc()
			.sql("SELECT s.revision FROM cluster_secrets s JOIN cluster c ON c.id = s.cluster_id WHERE c.name = ?")
			.param(cluster)
			.query(Long.class)
			.single();
	}

	private void assertOpens(FetchToken token, String cluster, String group) {
		assertThat(fetchTokens().authenticate(token)).as(group)
			.contains(new FetchTokenHolder(cluster, group, token.id()));
	}

	private void assertOpensNothing(FetchToken token) {
		assertThat(fetchTokens().authenticate(token)).isEmpty();
	}

	@Test
	default void eachNodeGroupGetsAFetchTokenStoredEncryptedWithTheCluster() {
		ClusterChange created = clusters().create(fourGroups("tokened"), TestRequester.ADMIN);

		Map<String, FetchToken> tokens = created.newFetchTokens();
		assertThat(tokens).containsOnlyKeys("bootstrap", "control-plane", "workers", "gpu");
		assertThat(tokens.values()).extracting(FetchToken::id).doesNotHaveDuplicates();
		tokens.forEach((group, token) -> {
			assertOpens(token, "tokened", group);
			assertThat(fetchTokens().find("tokened", group)).contains(token);
		});
		List<Map<String, Object>> rows = jdbc()
			.sql("SELECT node_group, token_id, lookup_hash, token FROM fetch_token" + " WHERE cluster_id = ?")
			.param(clusterId("tokened"))
			.query()
			.listOfRows();
		assertThat(rows).hasSize(4).allSatisfy((row) -> {
			FetchToken token = tokens.get((String) row.get("node_group"));
			assertThat(row.get("token_id")).isEqualTo(token.id());
			assertThat((String) row.get("token")).startsWith("v1:")
				.doesNotContain(token.secret())
				.doesNotContain(token.value());
			assertThat((String) row.get("lookup_hash")).matches("[A-Za-z0-9_-]{43}").doesNotContain(token.secret());
		});
	}

	@Test
	default void aGroupRemovedLosesItsTokenAndAGroupAddedGetsOne() {
		Map<String, FetchToken> tokens = clusters().create(fourGroups("regrouped"), TestRequester.ADMIN)
			.newFetchTokens();

		ClusterChange shrunk = clusters().replace("regrouped",
				definition("regrouped", "bootstrap", "control-plane", "workers"), Revisions.UNCONDITIONAL,
				TestRequester.ADMIN);

		assertThat(shrunk.newFetchTokens()).isEmpty();
		assertOpensNothing(tokens.get("gpu"));
		assertThat(fetchTokens().find("regrouped", "gpu")).isEmpty();
		assertThat(tokenRows("regrouped")).isEqualTo(3);
		for (String kept : List.of("bootstrap", "control-plane", "workers")) {
			assertOpens(tokens.get(kept), "regrouped", kept);
		}

		ClusterChange grown = clusters().replace("regrouped",
				definition("regrouped", "bootstrap", "control-plane", "workers", "gpu"), Revisions.UNCONDITIONAL,
				TestRequester.ADMIN);

		assertThat(grown.newFetchTokens()).containsOnlyKeys("gpu");
		assertThat(grown.newFetchTokens().get("gpu")).isNotEqualTo(tokens.get("gpu"));
		assertOpens(grown.newFetchTokens().get("gpu"), "regrouped", "gpu");
		assertOpensNothing(tokens.get("gpu"));
	}

	@Test
	default void deletingAClusterDeletesItsTokens() {
		Map<String, FetchToken> doomed = clusters().create(fourGroups("doomed"), TestRequester.ADMIN).newFetchTokens();
		Map<String, FetchToken> other = clusters().create(fourGroups("bystander"), TestRequester.ADMIN)
			.newFetchTokens();
		long doomedId = clusterId("doomed");

		clusters().delete("doomed", Revisions.UNCONDITIONAL);

		assertThat(jdbc().sql("SELECT count(*) FROM fetch_token WHERE cluster_id = ?")
			.param(doomedId)
			.query(Long.class)
			.single()).isZero();
		doomed.values().forEach(this::assertOpensNothing);
		other.forEach((group, token) -> assertOpens(token, "bystander", group));
	}

	@Test
	default void aRotatedTokenStopsOpeningAnythingAtOnce() {
		Map<String, FetchToken> tokens = clusters().create(fourGroups("rotating"), TestRequester.ADMIN)
			.newFetchTokens();
		FetchToken old = tokens.get("workers");

		FetchToken rotated = clusters().rotateFetchToken("rotating", "workers", TestRequester.ADMIN);

		assertThat(rotated).isNotEqualTo(old);
		assertThat(rotated.id()).isNotEqualTo(old.id());
		assertOpensNothing(old);
		assertOpens(rotated, "rotating", "workers");
		assertThat(fetchTokens().find("rotating", "workers")).contains(rotated);
		assertThat(tokenRows("rotating")).isEqualTo(4);
		for (String group : List.of("bootstrap", "control-plane", "gpu")) {
			assertOpens(tokens.get(group), "rotating", group);
		}
		assertThat(audit().list("rotating", null, 1).orElseThrow()).singleElement().satisfies((event) -> {
			assertThat(event.document()).isEqualTo("fetch-tokens");
			assertThat(event.group()).isEqualTo("workers");
		});
		assertThatExceptionOfType(NodeGroupNotFoundException.class)
			.isThrownBy(() -> clusters().rotateFetchToken("rotating", "nope", TestRequester.ADMIN));
	}

	@Test
	default void onlyTheBootstrapsFirstFetchIsRecorded() {
		clusters().create(fourGroups("booted"), TestRequester.ADMIN);
		assertThat(secrets().clocks("booted")).contains(new SecretClocks(null, null, null, false));
		Instant first = Instant.parse("2026-05-04T03:02:01.123456789Z");

		secrets().recordBootstrapFetch("booted", first);
		secrets().recordBootstrapFetch("booted", first.plusSeconds(3600));
		secrets().recordBootstrapFetch("booted", first.minusSeconds(3600));

		assertThat(secrets().clocks("booted"))
			.contains(new SecretClocks(Instant.parse("2026-05-04T03:02:01.123456Z"), null, null, false));
		secrets().recordBootstrapFetch("nowhere", first);
		assertThat(secrets().clocks("nowhere")).isEmpty();
	}

	@Test
	default void rotatingJoinSecretsMovesTheSecretsRevisionAndClocks() {
		clusters().create(fourGroups("rotated"), TestRequester.ADMIN);
		KubeadmSecrets before = secrets().load("rotated").orElseThrow();
		assertThat(secretsRevision("rotated")).isOne();

		KubeadmSecrets afterToken = clusters().rotateSecrets("rotated", true, false, TestRequester.ADMIN).secrets();

		assertThat(secretsRevision("rotated")).isEqualTo(2);
		assertThat(clusters().get("rotated").revision()).isEqualTo(2);
		assertThat(secrets().load("rotated")).contains(afterToken);
		assertThat(afterToken.bootstrapToken()).isNotEqualTo(before.bootstrapToken());
		assertThat(afterToken.certificateKey()).isNull();
		assertThat(afterToken.controlPlanePki()).isEqualTo(before.controlPlanePki());
		assertThat(afterToken.ca()).isEqualTo(before.ca());
		SecretClocks clocks = secrets().clocks("rotated").orElseThrow();
		assertThat(clocks.bootstrapTokenRotatedAt()).isNotNull();
		assertThat(clocks.certificateKeyRotatedAt()).isNull();

		// a cluster created now has no certificate key: asking for one rotates nothing
		org.assertj.core.api.Assertions.assertThatExceptionOfType(NoCertificateKeyException.class)
			.isThrownBy(() -> clusters().rotateSecrets("rotated", true, true, TestRequester.ADMIN));
		assertThat(secretsRevision("rotated")).isEqualTo(2);
		assertThat(clusters().get("rotated").revision()).isEqualTo(2);
		assertThat(secrets().load("rotated")).contains(afterToken);

		KubeadmSecrets again = clusters().rotateSecrets("rotated", true, false, TestRequester.ADMIN).secrets();

		assertThat(secretsRevision("rotated")).isEqualTo(3);
		assertThat(clusters().get("rotated").revision()).isEqualTo(3);
		assertThat(again.bootstrapToken()).isNotEqualTo(afterToken.bootstrapToken());
		assertThat(again.ca()).isEqualTo(before.ca());
		SecretClocks later = secrets().clocks("rotated").orElseThrow();
		assertThat(later.bootstrapTokenRotatedAt()).isAfterOrEqualTo(clocks.bootstrapTokenRotatedAt());
		assertThat(later.certificateKeyRotatedAt()).isNull();
		assertThat(audit().list("rotated", null, 2).orElseThrow())
			.extracting(AuditEvent::document, AuditEvent::revision)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("rotated-secrets", 3L),
					org.assertj.core.groups.Tuple.tuple("rotated-secrets", 2L));
		assertThat(secrets().rotate("nowhere", true, true)).isEmpty();
	}

	/**
	 * Fetches racing rotations: each audit row names the revision whose bootstrap token
	 * the document served. A rotation that committed between the fetch's read of the
	 * definition and of its secrets once had the row name the old revision.
	 */
	@Test
	default void eachAuditRowNamesTheRevisionWhoseSecretsWereServed() throws Exception {
		clusters().create(fourGroups("racing-rotations"), TestRequester.ADMIN);
		Map<Long, String> tokenAt = new java.util.concurrent.ConcurrentHashMap<>();
		tokenAt.put(1L, secrets().load("racing-rotations").orElseThrow().bootstrapToken().value());
		Map<String, String> served = new java.util.concurrent.ConcurrentHashMap<>();
		java.util.concurrent.atomic.AtomicBoolean rotating = new java.util.concurrent.atomic.AtomicBoolean(true);
		java.util.concurrent.ExecutorService fetchers = java.util.concurrent.Executors.newFixedThreadPool(4);
		List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
		for (int t = 0; t < 4; t++) {
			int thread = t;
			running.add(fetchers.submit(() -> {
				for (int i = 0; rotating.get() && i < 2_000; i++) {
					String requestId = "fetch-" + thread + "-" + i;
					String kubeadm = documents()
						.document("racing-rotations", new DocumentTarget.Group("workers"), DocumentFormat.KUBEADM,
								new Credential.Admin(), new Requester("admin", null, "127.0.0.1", requestId), STOKER)
						.body();
					served.put(requestId, kubeadm);
				}
			}));
		}
		try {
			for (int i = 0; i < 40; i++) {
				var rotated = clusters().rotateSecrets("racing-rotations", true, false, TestRequester.ADMIN);
				tokenAt.put(rotated.stored().revision(), rotated.secrets().bootstrapToken().value());
				// rotations come from operators, not in a loop without pause: a fetch
				// re-read past 10 rotations in a row would be answered 503
				Thread.sleep(3);
			}
		}
		finally {
			rotating.set(false);
			for (var future : running) {
				future.get(60, java.util.concurrent.TimeUnit.SECONDS);
			}
			fetchers.shutdown();
		}

		// every page: fetches served from memory may well outnumber one page
		List<AuditEvent> fetches = new java.util.ArrayList<>();
		for (Long before = null;;) {
			List<AuditEvent> page = audit().list("racing-rotations", before, 1000).orElseThrow();
			if (page.isEmpty()) {
				break;
			}
			page.stream().filter((event) -> event.document().equals("kubeadm")).forEach(fetches::add);
			before = page.get(page.size() - 1).id();
		}
		assertThat(fetches).hasSize(served.size()).hasSizeGreaterThan(40);
		for (AuditEvent fetch : fetches) {
			assertThat(served.get(fetch.requestId())).as(fetch.requestId() + " at revision " + fetch.revision())
				.contains(tokenAt.get(fetch.revision()));
		}
	}

	/**
	 * Reads racing a DELETE of their cluster, or a PUT that drops their group, end in the
	 * 404 of what vanished, never in a fault ("has no secrets", "has no fetch token").
	 */
	@Test
	default void readsRacingADeleteOrADroppedGroupEndInTheirNotFound() throws Exception {
		java.util.concurrent.ExecutorService racers = java.util.concurrent.Executors.newFixedThreadPool(3);
		try {
			for (int round = 0; round < 15; round++) {
				String name = "vanishing-" + round;
				clusters().create(fourGroups(name), TestRequester.ADMIN);
				List<java.util.concurrent.Callable<Void>> reads = List.of(() -> {
					documents().document(name, new DocumentTarget.Group("gpu"), DocumentFormat.IGNITION,
							new Credential.Admin(), TestRequester.ADMIN, STOKER);
					return null;
				}, () -> {
					documents().userData(name, new DocumentTarget.Group("gpu"),
							java.net.URI.create("https://stoker.example.com"), true, TestRequester.ADMIN);
					return null;
				}, () -> {
					clusters().rotateFetchToken(name, "gpu", TestRequester.ADMIN);
					return null;
				}, () -> {
					clusters().rotateSecrets(name, true, true, TestRequester.ADMIN);
					return null;
				});
				List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
				java.util.concurrent.atomic.AtomicBoolean going = new java.util.concurrent.atomic.AtomicBoolean(true);
				for (var read : reads.subList(0, 3)) {
					running.add(racers.submit(() -> {
						while (going.get()) {
							try {
								read.call();
							}
							catch (org.springframework.web.ErrorResponseException ex) {
								assertThat(ex.getStatusCode().value()).as(ex.toString()).isEqualTo(404);
								if (ex instanceof ClusterGoneException) {
									return null;
								}
							}
						}
						return null;
					}));
				}
				Thread.sleep(5);
				if (round % 2 == 0) {
					clusters().replace(name, definition(name, "bootstrap", "control-plane", "workers"),
							Revisions.UNCONDITIONAL, TestRequester.ADMIN);
				}
				Thread.sleep(5);
				clusters().delete(name, Revisions.UNCONDITIONAL);
				for (var future : running) {
					future.get(60, java.util.concurrent.TimeUnit.SECONDS);
				}
				going.set(false);
				assertThatExceptionOfType(org.springframework.web.ErrorResponseException.class)
					.isThrownBy(() -> reads.get(3).call())
					.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(404));
			}
		}
		finally {
			racers.shutdownNow();
		}
	}

	/**
	 * The store records the key it is encrypted under; a start with another key stops,
	 * whether the store recorded its key or (written before it did) only has ciphertexts
	 * naming it.
	 */
	@Test
	default void theStoreKeepsItsMasterKeysIdAndRefusesAnother() {
		StoredMasterKey check = context().getBean(StoredMasterKey.class);
		String configured = context().getBean(MasterKey.class).id();
		assertThat(jdbc().sql("SELECT key_id FROM master_key").query(String.class).single()).isEqualTo(configured);
		check.verify();
		clusters().create(fourGroups("older-key"), TestRequester.ADMIN);

		jdbc().sql("UPDATE master_key SET key_id = ?").param("0badc0de").update();
		try {
			assertThatExceptionOfType(StoredMasterKey.WrongMasterKeyException.class).isThrownBy(check::verify)
				.withMessageStartingWith("The stored secrets are encrypted under master key 0badc0de, but the "
						+ "configured master key is " + configured + ".");

			jdbc().sql("DELETE FROM master_key").update();
			jdbc().sql("UPDATE fetch_token SET token = ? WHERE node_group = ? AND cluster_id = ?")
				.params("v1:0badc0de:AAAA", "gpu", clusterId("older-key"))
				.update();
			assertThatExceptionOfType(StoredMasterKey.WrongMasterKeyException.class).isThrownBy(check::verify);
			assertThat(jdbc().sql("SELECT count(*) FROM master_key").query(Long.class).single()).isZero();
		}
		finally {
			clusters().delete("older-key", Revisions.UNCONDITIONAL);
			jdbc().sql("DELETE FROM master_key").update();
			check.verify();
		}
		assertThat(jdbc().sql("SELECT key_id FROM master_key").query(String.class).single()).isEqualTo(configured);
	}

	/**
	 * Readiness reads one of Stoker's tables: a connection the pool finds valid is not
	 * enough (H2 with its store closed still has those).
	 */
	@Test
	default void readinessAsksTheDatabaseARealQuery() {
		var db = context().getBean("dbHealthIndicator",
				org.springframework.boot.health.contributor.HealthIndicator.class);
		assertThat(db.health().getStatus().getCode()).isEqualTo("UP");
		jdbc().sql("ALTER TABLE master_key RENAME TO master_key_away").update();
		try {
			assertThat(db.health().getStatus().getCode()).isEqualTo("DOWN");
		}
		finally {
			jdbc().sql("ALTER TABLE master_key_away RENAME TO master_key").update();
		}
		assertThat(db.health().getStatus().getCode()).isEqualTo("UP");
	}

	/**
	 * Once another instance has rotated the master key, this one leaves the Service and
	 * refuses every write of a ciphertext or lookup hash: it would write under a key the
	 * store no longer holds.
	 */
	@Test
	default void underAMasterKeyTheStoreNoLongerHoldsReadinessIsDownAndWritesAreRefused() {
		Map<String, FetchToken> tokens = clusters().create(fourGroups("rekeyed"), TestRequester.ADMIN).newFetchTokens();
		var db = context().getBean("masterKeyHealthIndicator",
				org.springframework.boot.health.contributor.HealthIndicator.class);
		String configured = context().getBean(MasterKey.class).id();
		String stale = "The store is under master key 0badc0de, but this instance runs with master key " + configured
				+ ": the master key was rotated since this instance started.";
		jdbc().sql("UPDATE master_key SET key_id = ?").param("0badc0de").update();
		try {
			assertThat(db.health().getStatus().getCode()).isEqualTo("DOWN");
			assertThatExceptionOfType(StaleMasterKeyException.class)
				.isThrownBy(() -> clusters().create(fourGroups("refused"), TestRequester.ADMIN))
				.withMessageStartingWith(stale);
			assertThatExceptionOfType(StaleMasterKeyException.class)
				.isThrownBy(() -> clusters().rotateFetchToken("rekeyed", "workers", TestRequester.ADMIN));
			assertThatExceptionOfType(StaleMasterKeyException.class)
				.isThrownBy(() -> clusters().rotateSecrets("rekeyed", true, true, TestRequester.ADMIN));
			assertThatExceptionOfType(StaleMasterKeyException.class).isThrownBy(() -> clusters().replace("rekeyed",
					definition("rekeyed", "bootstrap", "workers"), Revisions.UNCONDITIONAL, TestRequester.ADMIN));
			// a token found by its hash is judged as ever; one that finds
			// nothing cannot be
			assertOpens(tokens.get("workers"), "rekeyed", "workers");
			assertThatExceptionOfType(StaleMasterKeyException.class)
				.isThrownBy(() -> fetchTokens()
					.authenticate(FetchToken.parse("stf.aaaaaaaaaaaa." + "A".repeat(43)).orElseThrow()))
				.withMessageStartingWith(stale);
		}
		finally {
			jdbc().sql("UPDATE master_key SET key_id = ?").param(configured).update();
		}
		assertThat(db.health().getStatus().getCode()).isEqualTo("UP");
		assertThat(clusters().find("refused")).isEmpty();
		assertThat(clusters().get("rekeyed").revision()).isOne();
		assertThat(secretsRevision("rekeyed")).isOne();
		assertThat(tokenRows("rekeyed")).isEqualTo(4);
		assertOpens(tokens.get("workers"), "rekeyed", "workers");
	}

	@Test
	default void anAuditRowIsWrittenAndReadBackNewestFirst() {
		clusters().create(fourGroups("audited"), TestRequester.ADMIN);
		Requester node = new Requester("fetch-token", "abcdefghijkl", "2001:db8::7", "request-7");

		audit().record(Disclosure.ofNode("audited", "workers", "node-1", "ignition", 1), node);
		audit().record(Disclosure.ofGroup("audited", "gpu", "kubeadm", 1), TestRequester.ADMIN);

		List<AuditEvent> events = audit().list("audited", null, 10).orElseThrow();
		assertThat(events).extracting(AuditEvent::document).containsExactly("kubeadm", "ignition", "fetch-tokens");
		AuditEvent written = events.get(1);
		assertThat(written.cluster()).isEqualTo("audited");
		assertThat(written.group()).isEqualTo("workers");
		assertThat(written.node()).isEqualTo("node-1");
		assertThat(written.credentialKind()).isEqualTo("fetch-token");
		assertThat(written.credentialId()).isEqualTo("abcdefghijkl");
		assertThat(written.clientAddress()).isEqualTo("2001:db8::7");
		assertThat(written.requestId()).isEqualTo("request-7");
		assertThat(written.revision()).isOne();
		assertThat(written.time()).isNotNull();
		assertThat(events.get(0).credentialId()).isNull();
		assertThat(events.get(0).id()).isGreaterThan(written.id());

		assertThat(audit().list("audited", events.get(0).id(), 1).orElseThrow()).containsExactly(written);
		assertThat(audit().list("nowhere", null, 10)).isEmpty();
		// a cluster deleted while its document was served is the 404 of a missing cluster
		assertThatExceptionOfType(ClusterGoneException.class)
			.isThrownBy(() -> audit().record(Disclosure.ofCluster("nowhere", "ignition", 1), TestRequester.ADMIN))
			.satisfies((gone) -> assertThat(gone.getStatusCode().value()).isEqualTo(404));
	}

	@Test
	default void auditRowsOutliveTheirClusterButAreNotAnotherClustersOfTheSameName() {
		clusters().create(fourGroups("reborn"), TestRequester.ADMIN);
		audit().record(Disclosure.ofGroup("reborn", "workers", "ignition", 1), TestRequester.ADMIN);
		clusters().delete("reborn", Revisions.UNCONDITIONAL);

		assertThat(jdbc().sql("SELECT count(*) FROM audit_event WHERE cluster = ?")
			.param("reborn")
			.query(Long.class)
			.single()).isEqualTo(2);

		clusters().create(fourGroups("reborn"), TestRequester.ADMIN);
		assertThat(audit().list("reborn", null, 10).orElseThrow()).extracting(AuditEvent::document)
			.containsExactly("fetch-tokens");
	}

	/**
	 * Runs an action while the audit table is out of reach, as if its disk had failed.
	 */
	private void withoutTheAuditTable(Runnable action) {
		jdbc().sql("ALTER TABLE audit_event RENAME TO audit_event_away").update();
		try {
			action.run();
		}
		finally {
			jdbc().sql("ALTER TABLE audit_event_away RENAME TO audit_event").update();
		}
	}

	@Test
	default void servingTheBootstrapIgnitionRecordsTheFirstFetchWithItsAuditRowOrNeither() {
		Map<String, FetchToken> tokens = clusters().create(fourGroups("served"), TestRequester.ADMIN).newFetchTokens();
		FetchTokenHolder bootstrap = fetchTokens().authenticate(tokens.get("bootstrap")).orElseThrow();
		Requester node = new Requester("fetch-token", bootstrap.tokenId(), "10.0.0.7", "boot-1");

		withoutTheAuditTable(() -> assertThatExceptionOfType(AuditUnavailableException.class)
			.isThrownBy(() -> documents().document("served", new DocumentTarget.Group("bootstrap"),
					DocumentFormat.IGNITION, new Credential.Fetch(bootstrap), node, STOKER)));

		assertThat(secrets().clocks("served")).contains(new SecretClocks(null, null, null, false));
		assertThat(audit().list("served", null, 10).orElseThrow()).extracting(AuditEvent::document)
			.containsExactly("fetch-tokens");

		documents().document("served", new DocumentTarget.Group("bootstrap"), DocumentFormat.IGNITION,
				new Credential.Fetch(bootstrap), node, STOKER);

		assertThat(secrets().clocks("served").orElseThrow().bootstrapFetchedAt()).isNotNull();
		assertThat(audit().list("served", null, 1).orElseThrow()).singleElement().satisfies((event) -> {
			assertThat(event.document()).isEqualTo("ignition");
			assertThat(event.credentialId()).isEqualTo(tokens.get("bootstrap").id());
			assertThat(event.requestId()).isEqualTo("boot-1");
		});
	}

	@Test
	default void whenTheAuditRowCannotBeWrittenNothingIsRotated() {
		Map<String, FetchToken> tokens = clusters().create(fourGroups("unrotated"), TestRequester.ADMIN)
			.newFetchTokens();
		KubeadmSecrets before = secrets().load("unrotated").orElseThrow();

		withoutTheAuditTable(() -> {
			assertThatExceptionOfType(AuditUnavailableException.class)
				.isThrownBy(() -> clusters().rotateSecrets("unrotated", true, false, TestRequester.ADMIN));
			assertThatExceptionOfType(AuditUnavailableException.class)
				.isThrownBy(() -> clusters().rotateFetchToken("unrotated", "workers", TestRequester.ADMIN));
		});

		assertThat(secrets().load("unrotated")).contains(before);
		assertThat(secretsRevision("unrotated")).isOne();
		assertThat(clusters().get("unrotated").revision()).isOne();
		assertThat(secrets().clocks("unrotated")).contains(new SecretClocks(null, null, null, false));
		assertOpens(tokens.get("workers"), "unrotated", "workers");
	}

}

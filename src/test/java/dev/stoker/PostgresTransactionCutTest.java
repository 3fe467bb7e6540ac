package dev.stoker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.stoker.TcpRelay.Moment;
import dev.stoker.TcpRelay.Statement;
import dev.stoker.json.Mappers;
import dev.stoker.problem.RetryAfter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL lost in the middle of a request, at each stage of its transaction, on every
 * endpoint that writes and every read that discloses a secret (and so writes its audit
 * row). The relay cuts the request's connection at one statement, once: before the server
 * receives it, or, at COMMIT, after the server committed but before the application hears
 * so. Each answer must be 503 with Retry-After and the unavailable problem, never 500,
 * and the database must hold the whole write or none of it: none when the cut fell before
 * the COMMIT reached the server, the whole write when only the answer to it was lost (the
 * client cannot tell, and retries). Only that connection is cut, as when it alone is
 * reset: the pool's other connections go on, and the next request finds the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PostgresTransactionCutTest {

	private static final String TOKEN = "transaction-cut-test-admin-token";

	private static final AtomicInteger CLUSTERS = new AtomicInteger();

	@RegisterExtension
	static final PostgresTestDatabase postgres = new PostgresTestDatabase();

	@RegisterExtension
	static final RelayedPostgres database = new RelayedPostgres(postgres);

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void throughTheRelay(DynamicPropertyRegistry registry) {
		database.registerApplication(registry, dataDir, TOKEN);
	}

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void disarm() {
		database.relay().disarm();
	}

	/** Where the connection is cut, and whether the server has applied the write then. */
	record Stage(String description, Predicate<Statement> trigger, Moment moment, String sql, boolean applied) {

		/** The first statement after BEGIN, which is expected to be {@code sql}. */
		static Stage first(String sql) {
			return new Stage("before its first statement, " + sql, (statement) -> statement.place() == 1,
					Moment.BEFORE_THE_SERVER_RECEIVES_IT, sql, false);
		}

		/** A later statement of the transaction, before its COMMIT. */
		static Stage middle(String sql) {
			return new Stage("before " + sql,
					(statement) -> statement.place() > 1 && !statement.isCommit() && statement.sql().contains(sql),
					Moment.BEFORE_THE_SERVER_RECEIVES_IT, sql, false);
		}

		static Stage commit() {
			return new Stage("before COMMIT reaches the server", Statement::isCommit,
					Moment.BEFORE_THE_SERVER_RECEIVES_IT, "COMMIT", false);
		}

		static Stage committed() {
			return new Stage("after COMMIT, losing its answer", Statement::isCommit,
					Moment.BEFORE_THE_CLIENT_HEARS_THE_ANSWER, "COMMIT", true);
		}

		/** A statement outside any transaction (autocommit): a read, or a lone write. */
		static Stage alone(String sql) {
			return new Stage("before " + sql + " (no transaction)",
					(statement) -> statement.place() == 0 && statement.sql().contains(sql),
					Moment.BEFORE_THE_SERVER_RECEIVES_IT, sql, false);
		}

		static Stage aloneApplied(String sql) {
			return new Stage("after " + sql + " (no transaction), losing its answer",
					(statement) -> statement.place() == 0 && statement.sql().contains(sql),
					Moment.BEFORE_THE_CLIENT_HEARS_THE_ANSWER, sql, true);
		}

		@Override
		public String toString() {
			return description;
		}

	}

	/**
	 * What the database holds of one cluster: every row a write or a disclosure touches.
	 * The secrets' values are compared encrypted: a rotation changes the ciphertext.
	 */
	record State(Long revision, String definition, Long secretsRevision, String bootstrapToken,
			boolean bootstrapFetched, Map<String, String> fetchTokenIds, List<String> audit) {

		static State of(JdbcClient jdbc, String cluster) {
			List<String> audit = jdbc.sql("SELECT document FROM audit_event WHERE cluster = ? ORDER BY id")
				.param(cluster)
				.query(String.class)
				.list();
			Optional<Map<String, Object>> row = jdbc.sql("SELECT id, revision, definition FROM cluster WHERE name = ?")
				.param(cluster)
				.query()
				.listOfRows()
				.stream()
				.findFirst();
			if (row.isEmpty()) {
				return new State(null, null, null, null, false, Map.of(), audit);
			}
			Object id = row.get().get("id");
			Optional<Map<String, Object>> secrets = jdbc
				.sql("SELECT revision, bootstrap_token, bootstrap_fetched_at FROM cluster_secrets WHERE cluster_id = ?")
				.param(id)
				.query()
				.listOfRows()
				.stream()
				.findFirst();
			Map<String, String> tokens = new TreeMap<>();
			jdbc.sql("SELECT node_group, token_id FROM fetch_token WHERE cluster_id = ?")
				.param(id)
				.query((rs, n) -> tokens.put(rs.getString(1), rs.getString(2)))
				.list();
			return new State(((Number) row.get().get("revision")).longValue(), (String) row.get().get("definition"),
					secrets.map((s) -> ((Number) s.get("revision")).longValue()).orElse(null),
					secrets.map((s) -> (String) s.get("bootstrap_token")).orElse(null),
					secrets.map((s) -> s.get("bootstrap_fetched_at") != null).orElse(false), tokens, audit);
		}

		State audited(String document) {
			List<String> more = new ArrayList<>(audit);
			more.add(document);
			return new State(revision, definition, secretsRevision, bootstrapToken, bootstrapFetched, fetchTokenIds,
					more);
		}

	}

	/**
	 * One endpoint, called on a cluster that exists (but for creation), and what its
	 * whole write is.
	 */
	record Call(String method, String path, UnaryOperator<String> body, boolean withFetchToken, int success,
			BiConsumer<State, State> whole) {

		@Override
		public String toString() {
			return method + " " + path + (withFetchToken ? " with a fetch token" : "");
		}

	}

	static final Call CREATE = new Call("POST", "/api/v1/clusters", TestDefinitions::dualStackAws, false, 201,
			(before, after) -> {
				assertThat(before.revision()).isNull();
				assertThat(after.revision()).isEqualTo(1);
				assertThat(after.secretsRevision()).isEqualTo(1);
				assertThat(after.fetchTokenIds()).containsOnlyKeys("bootstrap", "control-plane", "workers");
				assertThat(after.audit()).containsExactly("fetch-tokens");
			});

	/** Adds a node group, so that the write holds a new fetch token and its audit row. */
	static final Call REPLACE = new Call("PUT", "/api/v1/clusters/{name}", PostgresTransactionCutTest::withEdgeGroup,
			false, 200, (before, after) -> {
				assertThat(after).usingRecursiveComparison()
					.ignoringFields("revision", "definition", "fetchTokenIds")
					.isEqualTo(before.audited("fetch-tokens"));
				assertThat(after.revision()).isEqualTo(before.revision() + 1);
				assertThat(after.definition()).contains("\"edge\"");
				assertThat(after.fetchTokenIds()).containsAllEntriesOf(before.fetchTokenIds()).containsKey("edge");
			});

	static final Call DELETE = new Call("DELETE", "/api/v1/clusters/{name}", null, false, 204, (before, after) -> {
		assertThat(after).isEqualTo(new State(null, null, null, null, false, Map.of(), before.audit()));
	});

	static final Call ROTATE_SECRETS = new Call("POST", "/api/v1/clusters/{name}/secrets/rotate",
			(name) -> "{\"bootstrapToken\": true}", false, 200, (before, after) -> {
				assertThat(after).usingRecursiveComparison()
					.ignoringFields("revision", "secretsRevision", "bootstrapToken")
					.isEqualTo(before.audited("rotated-secrets"));
				assertThat(after.revision()).isEqualTo(before.revision() + 1);
				assertThat(after.secretsRevision()).isEqualTo(before.secretsRevision() + 1);
				assertThat(after.bootstrapToken()).isNotEqualTo(before.bootstrapToken());
			});

	static final Call ROTATE_FETCH_TOKEN = new Call("POST",
			"/api/v1/clusters/{name}/node-groups/workers/fetch-token/rotate", null, false, 200, (before, after) -> {
				assertThat(after).usingRecursiveComparison()
					.ignoringFields("fetchTokenIds")
					.isEqualTo(before.audited("fetch-tokens"));
				assertThat(after.fetchTokenIds()).containsOnlyKeys(before.fetchTokenIds().keySet())
					.doesNotContainEntry("workers", before.fetchTokenIds().get("workers"));
				assertThat(after.fetchTokenIds()).containsEntry("bootstrap", before.fetchTokenIds().get("bootstrap"));
			});

	static final Call WORKER_IGNITION = new Call("GET", "/api/v1/clusters/{name}/node-groups/workers/ignition", null,
			true, 200, (before, after) -> assertThat(after).isEqualTo(before.audited("ignition")));

	/**
	 * The bootstrap node's first Ignition also starts the join secrets' clocks: one more
	 * write.
	 */
	static final Call BOOTSTRAP_IGNITION = new Call("GET", "/api/v1/clusters/{name}/node-groups/bootstrap/ignition",
			null, false, 200, (before, after) -> {
				assertThat(before.bootstrapFetched()).isFalse();
				assertThat(after).usingRecursiveComparison()
					.ignoringFields("bootstrapFetched")
					.isEqualTo(before.audited("ignition"));
				assertThat(after.bootstrapFetched()).isTrue();
			});

	static final Call USER_DATA = new Call("GET", "/api/v1/clusters/{name}/node-groups/workers/user-data", null, false,
			200, (before, after) -> assertThat(after).isEqualTo(before.audited("user-data")));

	record Case(Call call, Stage stage) {

		@Override
		public String toString() {
			return call + ", cut " + stage;
		}

	}

	static Stream<Call> calls() {
		return Stream.of(CREATE, REPLACE, DELETE, ROTATE_SECRETS, ROTATE_FETCH_TOKEN, WORKER_IGNITION,
				BOOTSTRAP_IGNITION, USER_DATA);
	}

	static Stream<Case> cuts() {
		return Stream
			.of(transaction(CREATE, Stage.first("INSERT INTO cluster "), Stage.middle("INSERT INTO cluster_secrets"),
					Stage.middle("INSERT INTO audit_event")),
					transaction(REPLACE, Stage.alone("SELECT definition"), Stage.first("UPDATE cluster "),
							Stage.middle("INSERT INTO fetch_token"), Stage.middle("INSERT INTO audit_event")),
					Stream.of(new Case(DELETE, Stage.alone("SELECT definition")),
							new Case(DELETE, Stage.alone("DELETE FROM cluster")),
							new Case(DELETE, Stage.aloneApplied("DELETE FROM cluster"))),
					transaction(ROTATE_SECRETS, Stage.first("UPDATE cluster "), Stage.middle("UPDATE cluster_secrets"),
							Stage.middle("INSERT INTO audit_event")),
					transaction(ROTATE_FETCH_TOKEN, Stage.first("SELECT definition"),
							Stage.middle("UPDATE fetch_token"), Stage.middle("INSERT INTO audit_event")),
					transaction(WORKER_IGNITION, Stage.alone("lookup_hash"),
							Stage.alone("SELECT id, revision FROM cluster"), Stage.first("INSERT INTO audit_event")),
					transaction(BOOTSTRAP_IGNITION, Stage.alone("SELECT id, revision FROM cluster"),
							Stage.first("INSERT INTO audit_event"),
							Stage.middle("UPDATE cluster_secrets SET bootstrap_fetched_at")),
					transaction(USER_DATA, Stage.first("SELECT definition"), Stage.middle("FROM fetch_token"),
							Stage.middle("INSERT INTO audit_event")))
			.flatMap((cases) -> cases);
	}

	/** The given stages of a call, then its COMMIT: before it is sent, and after. */
	private static Stream<Case> transaction(Call call, Stage... stages) {
		return Stream.concat(Stream.of(stages), Stream.of(Stage.commit(), Stage.committed()))
			.map((stage) -> new Case(call, stage));
	}

	/** Proves each call's whole write, as the cut cases compare against it. */
	@ParameterizedTest(name = "{0}, not cut")
	@MethodSource("calls")
	void uncutCallWritesTheWhole(Call call) throws Exception {
		Cluster cluster = cluster(call);
		State before = State.of(jdbc(), cluster.name());

		HttpResponse<String> answer = send(call, cluster);

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(call.success());
		call.whole().accept(before, State.of(jdbc(), cluster.name()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cuts")
	void cutAnswers503AndLeavesAllOrNothing(Case cut) throws Exception {
		Cluster cluster = cluster(cut.call());
		State before = State.of(jdbc(), cluster.name());
		TcpRelay relay = database.relay();
		relay.arm(cut.stage().trigger(), cut.stage().moment());

		HttpResponse<String> answer = send(cut.call(), cluster);

		Statement fired = relay.fired()
			.orElseThrow(() -> new AssertionError("never cut: no statement matched; the relay saw " + relay.seen()));
		assertThat(fired.sql()).as("the statement cut at").contains(cut.stage().sql());
		assertThat(answer.statusCode()).as("cut at %s: %s", fired, answer.body()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Retry-After")).hasValue(RetryAfter.SECONDS);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = Mappers.json().readTree(answer.body());
		assertThat(problem.path("type").asString()).isEqualTo("urn:stoker:problem:unavailable");
		assertThat(problem.path("title").asString()).isEqualTo("Temporarily unavailable");
		assertThat(problem.path("status").asInt()).isEqualTo(503);

		State after = State.of(jdbc(), cluster.name());
		if (cut.stage().applied()) {
			cut.call().whole().accept(before, after);
		}
		else {
			assertThat(after).as("nothing of the write").isEqualTo(before);
		}
	}

	/** A cluster to call on, with the fetch tokens it was created with. */
	private record Cluster(String name, Map<String, String> fetchTokens) {
	}

	/** A new cluster, created unless the call is the creation. */
	private Cluster cluster(Call call) throws Exception {
		String name = "cut-" + CLUSTERS.incrementAndGet();
		if (call == CREATE) {
			return new Cluster(name, Map.of());
		}
		HttpResponse<String> created = send(CREATE, new Cluster(name, Map.of()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Map<String, String> tokens = new TreeMap<>();
		JsonNode answered = Mappers.json().readTree(created.body()).path("fetchTokens");
		answered.propertyNames().forEach((group) -> tokens.put(group, answered.get(group).asString()));
		return new Cluster(name, tokens);
	}

	private HttpResponse<String> send(Call call, Cluster cluster) throws Exception {
		HttpRequest.BodyPublisher body = (call.body() != null)
				? HttpRequest.BodyPublishers.ofString(call.body().apply(cluster.name()))
				: HttpRequest.BodyPublishers.noBody();
		String credential = call.withFetchToken() ? cluster.fetchTokens().get("workers") : TOKEN;
		return http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + call.path().replace("{name}", cluster.name())))
			.header("Authorization", "Bearer " + credential)
			.header("Content-Type", "application/json")
			.method(call.method(), body)
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The default node groups and one more, "edge". */
	private static String withEdgeGroup(String name) {
		ObjectNode definition = (ObjectNode) Mappers.json().readTree(TestDefinitions.dualStackAws(name));
		ArrayNode groups = definition.putArray("nodeGroups");
		groups.addObject().put("name", "bootstrap").put("role", "bootstrap");
		groups.addObject().put("name", "control-plane").put("role", "control-plane");
		groups.addObject().put("name", "workers").put("role", "worker");
		groups.addObject().put("name", "edge").put("role", "worker");
		return definition.toString();
	}

	/** Straight to the server, not through the relay. */
	private static JdbcClient jdbc() {
		return JdbcClient.create(postgres.dataSource());
	}

}

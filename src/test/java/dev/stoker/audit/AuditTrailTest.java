package dev.stoker.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.stoker.SharedApplication;
import dev.stoker.json.Mappers;
import dev.stoker.secrets.ClusterSecrets;
import dev.stoker.secrets.KubeadmSecrets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail over the whole service: every answer that gives away a secret writes a
 * row naming who asked (never with what), from where and under which request id; the
 * admin pages through them newest first; and when the row cannot be written, the secret
 * is not given and nothing it would have started is kept.
 */
@SharedApplication
class AuditTrailTest {

	private static final String REQUEST_ID = "X-Request-Id";

	private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClusterSecrets secrets;

	@Test
	void creatingAClusterRecordsTheDisclosureOfItsFetchTokens() throws Exception {
		Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
		MvcTestResult created = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.header(REQUEST_ID, "create-42")
			.contentType(MediaType.APPLICATION_JSON)
			.content(definition("created"))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader(REQUEST_ID, "create-42");

		assertThat(audit("created")).singleElement().satisfies((event) -> {
			assertThat(event.path("cluster").asString()).isEqualTo("created");
			assertThat(event.path("document").asString()).isEqualTo("fetch-tokens");
			assertThat(event.path("credentialKind").asString()).isEqualTo("admin");
			assertThat(event.has("credentialId")).as("there is one admin token; it has no id").isFalse();
			assertThat(event.has("group")).as("the tokens of every group").isFalse();
			assertThat(event.path("requestId").asString()).isEqualTo("create-42");
			assertThat(event.path("clientAddress").asString()).isEqualTo("127.0.0.1");
			assertThat(event.path("revision").asLong()).isEqualTo(1);
			assertThat(Instant.parse(event.path("time").asString())).isBetween(before, Instant.now());
		});
	}

	@Test
	void aFetchWithAGroupsTokenIsRecordedUnderTheTokensPublicIdNeverItsValue() throws Exception {
		Map<String, String> tokens = create("fetched");
		String token = tokens.get("workers");
		String publicId = token.substring("stf.".length(), token.indexOf('.', "stf.".length()));
		assertThat(publicId).hasSize(12);

		MvcTestResult fetched = mvc.get()
			.uri("/api/v1/clusters/fetched/node-groups/workers/ignition")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange();
		assertThat(fetched).hasStatusOk();
		String requestId = fetched.getResponse().getHeader(REQUEST_ID);
		assertThat(requestId).matches(UUID);

		MvcTestResult answer = auditResult("fetched", "");
		assertThat(answer).hasStatusOk().hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		assertThat(answer.getResponse().getContentAsString()).doesNotContain(tokens.values())
			.doesNotContain(token.substring(token.lastIndexOf('.') + 1));
		List<JsonNode> events = events(answer);
		assertThat(events).hasSize(2);
		JsonNode event = events.get(0);
		assertThat(event.path("document").asString()).isEqualTo("ignition");
		assertThat(event.path("group").asString()).isEqualTo("workers");
		assertThat(event.has("node")).isFalse();
		assertThat(event.path("credentialKind").asString()).isEqualTo("fetch-token");
		assertThat(event.path("credentialId").asString()).isEqualTo(publicId);
		assertThat(event.path("requestId").asString()).isEqualTo(requestId);
		assertThat(event.path("clientAddress").asString()).isEqualTo("127.0.0.1");
		assertThat(event.path("revision").asLong()).isEqualTo(1);
		assertThat(events.get(1).path("document").asString()).isEqualTo("fetch-tokens");
	}

	@Test
	void eachRowNamesTheRevisionTheAnswerWasMadeFrom() throws Exception {
		Map<String, String> tokens = create("revised");
		assertThat(adminGet("/api/v1/clusters/revised/node-groups/control-plane/kubeadm")).hasStatusOk();
		assertThat(mvc.post()
			.uri("/api/v1/clusters/revised/secrets/rotate")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"bootstrapToken\": true}")).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"2\"");
		assertThat(mvc.get()
			.uri("/api/v1/clusters/revised/node-groups/gpu/butane")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get("gpu"))).hasStatusOk();
		assertThat(mvc.post()
			.uri("/api/v1/clusters/revised/node-groups/gpu/fetch-token/rotate")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())).hasStatusOk();

		assertThat(audit("revised"))
			.extracting((event) -> event.path("document").asString() + " "
					+ (event.has("group") ? event.path("group").asString() : "-") + " "
					+ event.path("credentialKind").asString() + " r" + event.path("revision").asLong())
			.containsExactly("fetch-tokens gpu admin r2", "butane gpu fetch-token r2", "rotated-secrets - admin r2",
					"kubeadm control-plane admin r1", "fetch-tokens - admin r1");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "abc", "Trace_01.2:3-x", "0123456789012345678901234567890123456789012345678901234567890123" })
	void aWellFormedRequestIdIsKept(String given) throws Exception {
		create("ids-kept-" + given.length());
		MvcTestResult result = mvc.get()
			.uri("/api/v1/clusters/{name}/node-groups/workers/kubeadm", "ids-kept-" + given.length())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.header(REQUEST_ID, given)
			.exchange();

		assertThat(result).hasStatusOk().hasHeader(REQUEST_ID, given);
		assertThat(audit("ids-kept-" + given.length()).get(0).path("requestId").asString()).isEqualTo(given);
	}

	@ParameterizedTest
	@ValueSource(strings = { "has spaces", "01234567890123456789012345678901234567890123456789012345678901234",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			"a;b", "semi\tcolon", "<script>", "" })
	void aMalformedRequestIdIsReplaced(String given) throws Exception {
		String cluster = "ids-replaced-" + Integer.toHexString(given.hashCode());
		create(cluster);
		MvcTestResult result = mvc.get()
			.uri("/api/v1/clusters/{name}/node-groups/workers/kubeadm", cluster)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.header(REQUEST_ID, given)
			.exchange();

		assertThat(result).hasStatusOk();
		String answered = result.getResponse().getHeader(REQUEST_ID);
		assertThat(answered).matches(UUID);
		assertThat(audit(cluster).get(0).path("requestId").asString()).isEqualTo(answered);
	}

	@Test
	void theAuditedAddressIsThePeersNotOneAClientClaims() throws Exception {
		create("spoofed");
		MvcTestResult fromLoopback = mvc.get()
			.uri("/api/v1/clusters/spoofed/node-groups/workers/kubeadm")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.header("X-Forwarded-For", "203.0.113.9")
			.header("X-Real-IP", "203.0.113.10")
			.header("Forwarded", "for=203.0.113.11")
			.exchange();
		assertThat(fromLoopback).hasStatusOk();
		assertThat(audit("spoofed").get(0).path("clientAddress").asString()).isEqualTo("127.0.0.1");

		MvcTestResult fromElsewhere = mvc.get()
			.uri("/api/v1/clusters/spoofed/node-groups/workers/kubeadm")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.header("X-Forwarded-For", "203.0.113.9")
			.with((request) -> {
				request.setRemoteAddr("192.0.2.7");
				return request;
			})
			.exchange();
		assertThat(fromElsewhere).hasStatusOk();
		assertThat(audit("spoofed").get(0).path("clientAddress").asString()).isEqualTo("192.0.2.7");
	}

	@Test
	void theLogPagesNewestFirstAndLinksToTheNextPage() throws Exception {
		create("paged");
		for (String group : List.of("bootstrap", "control-plane", "workers", "gpu", "workers", "gpu")) {
			assertThat(adminGet("/api/v1/clusters/paged/node-groups/" + group + "/butane")).hasStatusOk();
		}
		List<JsonNode> all = audit("paged");
		assertThat(all).hasSize(7);
		List<Long> ids = all.stream().map((event) -> event.path("id").asLong()).toList();
		assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
		assertThat(all.get(0).path("group").asString()).isEqualTo("gpu");
		assertThat(all.get(6).path("document").asString()).isEqualTo("fetch-tokens");

		List<Long> paged = new ArrayList<>();
		List<Integer> sizes = new ArrayList<>();
		String next = "/api/v1/clusters/paged/audit?limit=3";
		while (next != null) {
			MvcTestResult page = adminGet(next);
			assertThat(page).hasStatusOk();
			List<JsonNode> events = events(page);
			sizes.add(events.size());
			events.forEach((event) -> paged.add(event.path("id").asLong()));
			String link = page.getResponse().getHeader(HttpHeaders.LINK);
			if (link == null) {
				next = null;
			}
			else {
				Matcher matcher = NEXT.matcher(link);
				assertThat(matcher.matches()).as(link).isTrue();
				next = matcher.group(1);
				assertThat(next).contains("limit=3").contains("before=" + events.get(events.size() - 1).path("id"));
			}
		}
		assertThat(sizes).containsExactly(3, 3, 1);
		assertThat(paged).isEqualTo(ids);

		assertThat(events(adminGet("/api/v1/clusters/paged/audit?before=" + ids.get(1))))
			.extracting((event) -> event.path("id").asLong())
			.isEqualTo(ids.subList(2, ids.size()));
		assertThat(events(adminGet("/api/v1/clusters/paged/audit?limit=7"))).hasSize(7);
		assertThat(events(adminGet("/api/v1/clusters/paged/audit?before=" + ids.get(6)))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "1001", "-1" })
	void aLimitOutsideOneToAThousandIsRefused(String limit) throws Exception {
		String cluster = "limited-" + limit.replace('-', 'm');
		create(cluster);
		MvcTestResult result = adminGet("/api/v1/clusters/" + cluster + "/audit?limit=" + limit);

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(json(result).path("errors").valueStream().map((error) -> error.path("pointer").asString()))
			.containsExactly("limit");
	}

	@Test
	void theLargestAndSmallestPagesAreAllowed() throws Exception {
		create("limits");
		assertThat(adminGet("/api/v1/clusters/limits/audit?limit=1000")).hasStatusOk();
		assertThat(events(adminGet("/api/v1/clusters/limits/audit?limit=1"))).hasSize(1);
	}

	@Test
	void anUnknownClusterHasNoAuditLog() throws Exception {
		MvcTestResult result = adminGet("/api/v1/clusters/nowhere/audit");

		assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(json(result).path("type").asString()).isEqualTo("urn:stoker:problem:cluster-not-found");
	}

	@Test
	void theAuditLogIsForAdminsOnly() throws Exception {
		Map<String, String> tokens = create("admins-only");
		for (String token : tokens.values()) {
			assertThat(mvc.get()
				.uri("/api/v1/clusters/admins-only/audit")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(mvc.get().uri("/api/v1/clusters/admins-only/audit")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void whenTheRowCannotBeWrittenTheDocumentIsWithheldAndTheFirstFetchIsNotRecorded() throws Exception {
		Map<String, String> tokens = create("refused");
		MvcTestResult refused = withoutTheAuditTable(() -> mvc.get()
			.uri("/api/v1/clusters/refused/node-groups/bootstrap/ignition")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get("bootstrap"))
			.exchange());

		assertThat(refused).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.containsHeader(HttpHeaders.RETRY_AFTER);
		assertThat(json(refused).path("type").asString()).isEqualTo("urn:stoker:problem:unavailable");
		assertThat(refused.getResponse().getContentAsString()).doesNotContain(secretsOf("refused", tokens))
			.doesNotContain("Exception", "audit_event");
		assertThat(bootstrapFetchRecorded("refused")).isFalse();
		assertThat(audit("refused")).extracting((event) -> event.path("document").asString())
			.containsExactly("fetch-tokens");

		// once the table is back, the same fetch is served, audited and recorded
		assertThat(mvc.get()
			.uri("/api/v1/clusters/refused/node-groups/bootstrap/ignition")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get("bootstrap"))).hasStatusOk();
		assertThat(bootstrapFetchRecorded("refused")).isTrue();
		assertThat(audit("refused")).extracting((event) -> event.path("document").asString())
			.containsExactly("ignition", "fetch-tokens");
	}

	@Test
	void whenTheRowCannotBeWrittenNoClusterIsCreated() throws Exception {
		String definition = definition("never-made");
		MvcTestResult refused = withoutTheAuditTable(() -> mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content(definition)
			.exchange());

		assertThat(refused).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).containsHeader(HttpHeaders.RETRY_AFTER);
		assertThat(refused.getResponse().getContentAsString()).doesNotContain("stf.");
		assertThat(adminGet("/api/v1/clusters/never-made")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(jdbc
			.sql("SELECT count(*) FROM fetch_token t JOIN cluster c ON c.id = t.cluster_id"
					+ " WHERE c.name = 'never-made'")
			.query(Long.class)
			.single()).isZero();
		// and nothing is left that stops a second try
		create("never-made");
	}

	@Test
	void whenTheRowCannotBeWrittenNoSecretIsRotated() throws Exception {
		Map<String, String> tokens = create("unrotated");
		String kubeadm = adminGet("/api/v1/clusters/unrotated/node-groups/control-plane/kubeadm").getResponse()
			.getContentAsString();

		MvcTestResult secretsRotation = withoutTheAuditTable(() -> mvc.post()
			.uri("/api/v1/clusters/unrotated/secrets/rotate")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"bootstrapToken\": true}")
			.exchange());
		MvcTestResult tokenRotation = withoutTheAuditTable(() -> mvc.post()
			.uri("/api/v1/clusters/unrotated/node-groups/workers/fetch-token/rotate")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange());

		assertThat(secretsRotation).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(tokenRotation).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(
				secretsRotation.getResponse().getContentAsString() + tokenRotation.getResponse().getContentAsString())
			.doesNotContain(secretsOf("unrotated", tokens))
			.doesNotContain("stf.");
		assertThat(adminGet("/api/v1/clusters/unrotated")).hasHeader(HttpHeaders.ETAG, "\"1\"");
		assertThat(adminGet("/api/v1/clusters/unrotated/node-groups/control-plane/kubeadm").getResponse()
			.getContentAsString()).isEqualTo(kubeadm);
		assertThat(mvc.get()
			.uri("/api/v1/clusters/unrotated/node-groups/workers/kubeadm")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get("workers")))
			.as("the old fetch token still opens its documents")
			.hasStatusOk();
	}

	/** Runs a request while the audit table is out of reach. */
	private MvcTestResult withoutTheAuditTable(Supplier<MvcTestResult> request) {
		jdbc.sql("ALTER TABLE audit_event RENAME TO audit_event_away").update();
		try {
			return request.get();
		}
		finally {
			jdbc.sql("ALTER TABLE audit_event_away RENAME TO audit_event").update();
		}
	}

	/** Whether cluster_secrets.bootstrap_fetched_at is set; the row must exist. */
	private boolean bootstrapFetchRecorded(String cluster) {
		return jdbc
			.sql("SELECT s.bootstrap_fetched_at IS NOT NULL FROM cluster_secrets s JOIN cluster c"
					+ " ON c.id = s.cluster_id WHERE c.name = ?")
			.param(cluster)
			.query(Boolean.class)
			.single();
	}

	/** Every secret of a cluster, whole and in the parts a careless answer would show. */
	private List<String> secretsOf(String cluster, Map<String, String> tokens) {
		KubeadmSecrets current = secrets.load(cluster).orElseThrow();
		List<String> values = new ArrayList<>(tokens.values());
		values.add(current.bootstrapToken().value());
		values.add(current.bootstrapToken().secret());
		current.ca().privateKeyPem().lines().filter((line) -> !line.startsWith("-----")).forEach(values::add);
		current.controlPlanePki()
			.serviceAccount()
			.privateKeyPem()
			.lines()
			.filter((line) -> !line.startsWith("-----"))
			.forEach(values::add);
		return values;
	}

	private static String definition(String name) throws Exception {
		ObjectNode definition = (ObjectNode) Mappers.yaml()
			.readTree(Files.readString(Path.of("examples", "aws-dual-stack.yaml")));
		definition.put("name", name);
		return Mappers.json().writeValueAsString(definition);
	}

	/** Creates a cluster from the dual-stack example; answers its fetch tokens. */
	private Map<String, String> create(String name) throws Exception {
		MvcTestResult created = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content(definition(name))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		Map<String, String> tokens = new LinkedHashMap<>();
		json(created).path("fetchTokens")
			.properties()
			.forEach((entry) -> tokens.put(entry.getKey(), entry.getValue().asString()));
		assertThat(tokens).containsOnlyKeys("bootstrap", "control-plane", "workers", "gpu");
		return tokens;
	}

	private MvcTestResult adminGet(String uri) {
		return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken()).exchange();
	}

	private MvcTestResult auditResult(String cluster, String query) {
		return adminGet("/api/v1/clusters/" + cluster + "/audit" + query);
	}

	private List<JsonNode> audit(String cluster) throws Exception {
		MvcTestResult result = auditResult(cluster, "");
		assertThat(result).hasStatusOk();
		return events(result);
	}

	private static List<JsonNode> events(MvcTestResult result) throws Exception {
		JsonNode array = json(result);
		assertThat(array.isArray()).as(array.toString()).isTrue();
		return array.valueStream().toList();
	}

	private static JsonNode json(MvcTestResult result) throws Exception {
		return Mappers.json().readTree(result.getResponse().getContentAsString());
	}

}

package dev.stoker.preview;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.stoker.SharedApplication;
import dev.stoker.TestDefinitions;
import dev.stoker.json.Mappers;
import dev.stoker.secrets.KeeperTokens;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Previews and the revision history over HTTP: what the admin is answered, pages, a
 * rollback, and that no other credential opens any of it.
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewAndHistoryHttpTest {

	private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	KeeperTokens keeperTokens;

	@Autowired
	JdbcClient jdbc;

	private String fetchToken;

	/**
	 * Revisions 1 to 5: a create and four PUTs, each another Kubernetes patch release.
	 */
	@BeforeAll
	void createAndChangeACluster() throws Exception {
		MvcTestResult created = admin(mvc.post().uri("/api/v1/clusters"), definition("v1.33.0"));
		assertThat(created).hasStatus(201);
		fetchToken = json(created).path("fetchTokens").path("workers").asString();
		for (int patch = 1; patch <= 4; patch++) {
			assertThat(admin(mvc.put().uri("/api/v1/clusters/hist").header(HttpHeaders.IF_MATCH, "\"" + patch + "\""),
					definition("v1.33." + patch)))
				.hasStatusOk();
		}
	}

	@Test
	void revisionsArePagedNewestFirstLikeTheAuditLog() throws Exception {
		MvcTestResult first = get("/api/v1/clusters/hist/revisions?limit=2");
		assertThat(first).hasStatusOk().hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		assertThat(json(first).findValues("revision")).extracting(JsonNode::asLong).containsExactly(5L, 4L);
		assertThat(json(first).get(0).path("change").asString()).isEqualTo("replace");
		assertThat(json(first).get(0).path("credentialKind").asString()).isEqualTo("admin");

		String next = next(first);
		assertThat(next).endsWith("/api/v1/clusters/hist/revisions?before=4&limit=2");
		MvcTestResult second = get(next);
		assertThat(json(second).findValues("revision")).extracting(JsonNode::asLong).containsExactly(3L, 2L);
		MvcTestResult third = get(next(second));
		assertThat(json(third).findValues("revision")).extracting(JsonNode::asLong).containsExactly(1L);
		assertThat(json(third).get(0).path("change").asString()).isEqualTo("create");
		assertThat(third.getResponse().getHeader(HttpHeaders.LINK)).as("the last page").isNull();

		assertThat(get("/api/v1/clusters/hist/revisions?limit=0")).hasStatus(400);
		assertThat(get("/api/v1/clusters/hist/revisions?limit=1001")).hasStatus(400);
		assertThat(get("/api/v1/clusters/nowhere/revisions")).hasStatus(404);
	}

	@Test
	void aRevisionDiffNamesBothRevisionsAndAMissingRevisionIsAProblem() throws Exception {
		MvcTestResult diff = get("/api/v1/clusters/hist/revisions/3/diff?against=1");
		assertThat(diff).hasStatusOk();
		JsonNode answer = json(diff);
		assertThat(answer.path("from").asLong()).isEqualTo(1);
		assertThat(answer.path("to").asLong()).isEqualTo(3);
		assertThat(answer.path("definition").asString()).isEqualTo("""
				--- a/revision-1/definition.yaml
				+++ b/revision-3/definition.yaml
				@@ -1,5 +1,5 @@
				 name: hist
				-kubernetesVersion: v1.33.0
				+kubernetesVersion: v1.33.2
				 kubeadmApiVersion: v1beta4
				 platform: aws
				 install: sysext
				""");
		assertThat(answer.path("documents")
			.valueStream()
			.map((d) -> d.path("group").asString() + "/" + d.path("document").asString()))
			.as("a join configuration names no Kubernetes version")
			.containsExactly("bootstrap/butane", "bootstrap/ignition", "bootstrap/kubeadm", "control-plane/butane",
					"control-plane/ignition", "workers/butane", "workers/ignition");
		assertThat(json(get("/api/v1/clusters/hist/revisions/3/diff")).path("from").asLong())
			.as("against the revision before by default")
			.isEqualTo(2);

		MvcTestResult missing = get("/api/v1/clusters/hist/revisions/9/diff?against=1");
		assertThat(missing).hasStatus(404);
		assertThat(json(missing).path("type").asString()).isEqualTo("urn:stoker:problem:revision-not-found");
		assertThat(json(missing).path("detail").asString()).isEqualTo(
				"Cluster hist has no revision 9 in its history: its current revision is 5, and only the newest ones are"
						+ " kept (stoker.history.retention); list them at /api/v1/clusters/hist/revisions.");
	}

	/**
	 * A rollback is a PUT of an old revision's definition, read as YAML, with the current
	 * ETag.
	 */
	@Test
	void aRollbackPutsAnOldRevisionsDefinitionBack() throws Exception {
		String v0 = TestDefinitions.dualStackAws("rollback").replace("v1.33.2", "v1.33.0");
		assertThat(admin(mvc.post().uri("/api/v1/clusters"), v0)).hasStatus(201);
		assertThat(admin(mvc.put().uri("/api/v1/clusters/rollback").header(HttpHeaders.IF_MATCH, "\"1\""),
				v0.replace("v1.33.0", "v1.33.1")))
			.hasStatusOk();

		MvcTestResult old = mvc.get()
			.uri("/api/v1/clusters/rollback/revisions/1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.accept("application/yaml")
			.exchange();
		assertThat(old).hasStatusOk();
		String yaml = old.getResponse().getContentAsString();
		assertThat(yaml).contains("kubernetesVersion: v1.33.0");
		MvcTestResult rolledBack = mvc.put()
			.uri("/api/v1/clusters/rollback")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.header(HttpHeaders.IF_MATCH, "\"2\"")
			.contentType("application/yaml")
			.content(yaml)
			.exchange();
		assertThat(rolledBack).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"3\"");

		JsonNode diff = json(get("/api/v1/clusters/rollback/revisions/3/diff?against=1"));
		assertThat(diff.path("definition").asString()).isEmpty();
		assertThat(diff.path("documents")).isEmpty();
		assertThat(json(get("/api/v1/clusters/rollback/revisions/3/diff")).path("documents")).hasSize(7);
		assertThat(json(get("/api/v1/clusters/rollback/revisions/1/diff?against=2")))
			.as("the older revision is the a/ side, whichever is named first")
			.isEqualTo(json(get("/api/v1/clusters/rollback/revisions/2/diff?against=1")));
	}

	@Test
	void aPreviewOverHttpAnswersDocumentsAndDiffsAndStoresNothing() throws Exception {
		long audited = count("audit_event");
		long revisions = count("cluster_revision");

		MvcTestResult preview = admin(mvc.post().uri("/api/v1/clusters/hist/preview"), definition("v1.34.1"));
		assertThat(preview).hasStatusOk().hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		JsonNode answer = json(preview);
		assertThat(answer.path("currentRevision").asLong())
			.isEqualTo(Long.parseLong(preview.getResponse().getHeader(HttpHeaders.ETAG).replace("\"", "")));
		assertThat(answer.path("definition").path("kubernetesVersion").asString()).isEqualTo("v1.34.1");
		JsonNode workersButane = answer.path("documents").get(6);
		assertThat(workersButane.path("group").asString()).isEqualTo("workers");
		assertThat(workersButane.path("document").asString()).isEqualTo("butane");
		assertThat(workersButane.path("content").asString()).startsWith("variant: flatcar");
		assertThat(workersButane.path("diff").asString())
			.startsWith("--- a/revision-" + answer.path("currentRevision").asLong() + "/node-groups/workers/butane\n"
					+ "+++ b/candidate/node-groups/workers/butane\n");
		assertThat(answer.path("documents").get(2).path("content").asString())
			.as("the bootstrap node's kubeadm config, with the placeholder token")
			.contains("redact.redactedredacted");

		MvcTestResult fresh = admin(mvc.post().uri("/api/v1/clusters/preview"), TestDefinitions.dualStackAws("fresh"));
		assertThat(fresh).hasStatusOk();
		assertThat(json(fresh).has("currentRevision")).isFalse();
		assertThat(get("/api/v1/clusters/fresh")).hasStatus(404);
		assertThat(count("audit_event")).isEqualTo(audited);
		assertThat(count("cluster_revision")).isEqualTo(revisions);
	}

	@Test
	void anInvalidPreviewIsAnsweredTheProblemACreateIsAnswered() throws Exception {
		ObjectNode invalid = (ObjectNode) Mappers.json().readTree(TestDefinitions.dualStackAws("Bad_Name"));
		invalid.put("kubernetesVersion", "1.33");

		MvcTestResult preview = admin(mvc.post().uri("/api/v1/clusters/preview"), invalid.toString());
		MvcTestResult create = admin(mvc.post().uri("/api/v1/clusters"), invalid.toString());

		assertThat(preview).hasStatus(400);
		ObjectNode previewProblem = (ObjectNode) json(preview);
		ObjectNode createProblem = (ObjectNode) json(create);
		assertThat(previewProblem.path("errors")).hasSize(2);
		previewProblem.remove("instance");
		createProblem.remove("instance");
		assertThat(previewProblem).isEqualTo(createProblem);
	}

	@Test
	void noFetchTokenNorKeeperCredentialOpensAnyOfIt() throws Exception {
		String keeper = keeperTokens.find("hist").orElseThrow().value();
		for (String credential : List.of(fetchToken, keeper)) {
			for (String path : List.of("/api/v1/clusters/hist/revisions", "/api/v1/clusters/hist/revisions/1",
					"/api/v1/clusters/hist/revisions/2/diff?against=1")) {
				assertThat(mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + credential).exchange())
					.as(path)
					.hasStatus(403);
			}
			for (String path : List.of("/api/v1/clusters/hist/preview", "/api/v1/clusters/preview")) {
				assertThat(mvc.post()
					.uri(path)
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + credential)
					.contentType(MediaType.APPLICATION_JSON)
					.content(definition("v1.33.9"))
					.exchange()).as(path).hasStatus(403);
			}
		}
		assertThat(mvc.get().uri("/api/v1/clusters/hist/revisions").exchange()).hasStatus(401);
	}

	private static String definition(String version) {
		return TestDefinitions.dualStackAws("hist").replace("v1.33.2", version);
	}

	private MvcTestResult admin(MockMvcTester.MockMvcRequestBuilder request, String body) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult get(String uri) {
		return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken()).exchange();
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private static String next(MvcTestResult result) {
		Matcher link = NEXT.matcher(result.getResponse().getHeader(HttpHeaders.LINK));
		assertThat(link.matches()).isTrue();
		return link.group(1);
	}

	private static JsonNode json(MvcTestResult result) throws Exception {
		return Mappers.json().readTree(result.getResponse().getContentAsString());
	}

}

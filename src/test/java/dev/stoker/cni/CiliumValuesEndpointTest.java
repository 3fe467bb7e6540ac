package dev.stoker.cni;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.stoker.Golden;
import dev.stoker.SharedApplication;
import dev.stoker.TestDefinitions;
import dev.stoker.json.Mappers;
import tools.jackson.databind.JsonNode;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/clusters/{name}/cilium-values over the whole service: YAML unless JSON is
 * asked for, the revision as ETag, and for the admin only.
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CiliumValuesEndpointTest {

	private static final String PATH = "/api/v1/clusters/{name}/cilium-values";

	@Autowired
	MockMvcTester mvc;

	private String fetchToken;

	@BeforeAll
	void createTheExample() throws Exception {
		MvcTestResult created = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType("application/json")
			.content(TestDefinitions.dualStackAws("kept"))
			.exchange();
		assertThat(created).hasStatus(201);
		fetchToken = Mappers.json()
			.readTree(created.getResponse().getContentAsString())
			.at("/fetchTokens/workers")
			.asString();
	}

	@Test
	void answersYamlByDefaultWithTheRevisionAsEtag() throws Exception {
		MvcTestResult result = mvc.get()
			.uri(PATH, "kept")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange();

		assertThat(result).hasStatusOk().hasContentType("application/yaml").hasHeader(HttpHeaders.ETAG, "\"1\"");
		assertThat(result.getResponse().getHeader(HttpHeaders.LAST_MODIFIED)).isNotNull();
		Golden.assertMatches(result.getResponse().getContentAsString(), "cni/kube-proxy-kept.yaml");
	}

	@Test
	void answersJsonWhenAskedWithTheSameValues() throws Exception {
		MvcTestResult result = mvc.get()
			.uri(PATH, "kept")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.accept("application/json")
			.exchange();

		assertThat(result).hasStatusOk().hasContentType("application/json");
		JsonNode json = Mappers.json().readTree(result.getResponse().getContentAsString());
		JsonNode yaml = Mappers.yaml().readTree(Golden.file("cni/kube-proxy-kept.yaml").toFile());
		assertThat(json).isEqualTo(yaml);
	}

	@Test
	void theCurrentRevisionIsNotSentAgain() {
		MvcTestResult result = mvc.get()
			.uri(PATH, "kept")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.header(HttpHeaders.IF_NONE_MATCH, "\"1\"")
			.exchange();

		assertThat(result).hasStatus(304).hasHeader(HttpHeaders.ETAG, "\"1\"");
		assertThat(result.getResponse().getContentLength()).isZero();
	}

	static Stream<Arguments> refusals() {
		return Stream.of(
				Arguments.of("no credential", "kept", null, 401, "unauthorized", "Unauthorized",
						"Send the admin token or a node group's fetch token as 'Authorization: Bearer <token>'."),
				Arguments.of("a fetch token of the cluster", "kept", "fetch", 403, "forbidden", "Forbidden",
						"This credential does not open this resource. A fetch token opens its own node group's "
								+ "documents only."),
				Arguments.of("a fetch token, of a cluster that does not exist", "nope", "fetch", 403, "forbidden",
						"Forbidden",
						"This credential does not open this resource. A fetch token opens its own node "
								+ "group's documents only."),
				Arguments.of("the admin token, of a cluster that does not exist", "nope", "admin", 404,
						"cluster-not-found", "Cluster not found", "No cluster is named nope."));
	}

	@ParameterizedTest(name = "{0}: {3}")
	@MethodSource("refusals")
	void refusesAllButTheAdmin(String caller, String cluster, String credential, int status, String type, String title,
			String detail) throws Exception {
		var request = mvc.get().uri(PATH, cluster);
		if ("admin".equals(credential)) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken());
		}
		else if ("fetch".equals(credential)) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + fetchToken);
		}
		MvcTestResult result = request.exchange();

		assertThat(result).hasStatus(status).hasContentType("application/problem+json");
		JsonNode problem = Mappers.json().readTree(result.getResponse().getContentAsString());
		assertThat(problem.get("type").asString()).isEqualTo("urn:stoker:problem:" + type);
		assertThat(problem.get("title").asString()).isEqualTo(title);
		assertThat(problem.get("detail").asString()).isEqualTo(detail);
	}

}

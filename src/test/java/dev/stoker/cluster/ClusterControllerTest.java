package dev.stoker.cluster;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.stoker.TestDefinitions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every status the cluster API answers, through the real MVC stack with a fake
 * repository.
 */
@ClusterApiSlice
class ClusterControllerTest {

	private static final String BEARER = "Bearer " + ClusterApiSlice.TOKEN;

	private static final String PROBLEM = "application/problem+json";

	@Autowired
	MockMvcTester mvc;

	private MvcTestResult create(String name) {
		return mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestDefinitions.dualStackAws(name))
			.exchange();
	}

	@Test
	void createAnswers201WithLocationETagAndTheDefinitionWithDefaults() {
		assertThat(create("alpha")).hasStatus(HttpStatus.CREATED)
			.hasHeader(HttpHeaders.LOCATION, "/api/v1/clusters/alpha")
			.hasHeader(HttpHeaders.ETAG, "\"1\"")
			.hasHeader(HttpHeaders.LAST_MODIFIED, "Sat, 28 Nov 2026 12:00:00 GMT")
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.install").isEqualTo("sysext");
				assertThat(json).extractingPath("$.kubeadmApiVersion").isEqualTo("v1beta4");
				assertThat(json).extractingPath("$.nodeGroups[*].name")
					.asArray()
					.containsExactly("bootstrap", "control-plane", "workers");
			});
	}

	@Test
	void createAcceptsYamlAndAnswersYamlWhenAsked() throws Exception {
		String yaml = """
				name: beta
				kubernetesVersion: v1.30.4
				platform: azure
				controlPlaneEndpoint: {host: 10.0.0.10, port: 443}
				networking:
				  podSubnets: [10.244.0.0/16]
				  serviceSubnets: [10.96.0.0/16]
				""";
		MvcTestResult result = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType("application/yaml")
			.accept("application/yaml")
			.content(yaml)
			.exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED).hasContentTypeCompatibleWith("application/yaml");
		assertThat(result.getResponse().getContentAsString())
			.startsWith("name: beta\nkubernetesVersion: v1.30.4\nkubeadmApiVersion: v1beta3\n");
	}

	@Test
	void createOfAnExistingNameAnswers409() {
		create("gamma");
		assertThat(create("gamma")).hasStatus(HttpStatus.CONFLICT)
			.hasContentType(PROBLEM)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:stoker:problem:cluster-exists");
	}

	@Test
	void anInvalidDefinitionAnswers400WithEveryProblem() {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Bad_Name\", \"kubernetesVersion\": \"1.33\", \"surprise\": true}")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(PROBLEM).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.type").isEqualTo("urn:stoker:problem:invalid-definition");
			assertThat(json).extractingPath("$.errors[*].pointer")
				.asArray()
				.containsExactlyInAnyOrder("/surprise", "/name", "/kubernetesVersion", "/platform",
						"/controlPlaneEndpoint", "/networking");
		});
	}

	@Test
	void aMalformedBodyAnswers400WithoutEchoingIt() throws Exception {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"secret-looking-value\", ")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(PROBLEM);
		assertThat(result.getResponse().getContentAsString()).contains("urn:stoker:problem:malformed-body")
			.doesNotContain("secret-looking-value")
			.doesNotContain("Exception");
	}

	@Test
	void aDuplicateKeyIsMalformedRatherThanLastOneWins() {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType("application/yaml")
			.content("name: a\nname: b\n")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:stoker:problem:malformed-body");
	}

	@Test
	void aBodyOverTheLimitAnswers413() {
		String big = "{\"name\": \"" + "x".repeat(5000) + "\"}";
		assertThat(mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(big)).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
			.hasContentType(PROBLEM)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The body is larger than 4 KiB, the most this service accepts.");
	}

	@Test
	void anUnsupportedMediaTypeAnswers415() {
		assertThat(mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.TEXT_PLAIN)
			.content("name: x")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).hasContentType(PROBLEM);
	}

	@Test
	void anUnacceptableResponseTypeAnswers406() {
		create("delta");
		assertThat(mvc.get()
			.uri("/api/v1/clusters/delta")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.NOT_ACCEPTABLE).hasContentType(PROBLEM);
	}

	@Test
	void withoutTheAdminTokenEveryEndpointAnswers401() {
		assertThat(mvc.get().uri("/api/v1/clusters")).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"stoker\"")
			.hasContentType(PROBLEM);
		assertThat(mvc.get().uri("/api/v1/clusters").header(HttpHeaders.AUTHORIZATION, "Bearer wrong-token"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(
				mvc.get().uri("/api/v1/clusters").header(HttpHeaders.AUTHORIZATION, "Basic " + ClusterApiSlice.TOKEN))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.delete().uri("/api/v1/clusters/any")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void getAnswersTheDefinitionWithItsRevisionAnd304WhenUnchanged() {
		create("epsilon");
		assertThat(mvc.get().uri("/api/v1/clusters/epsilon").header(HttpHeaders.AUTHORIZATION, BEARER)).hasStatusOk()
			.hasHeader(HttpHeaders.ETAG, "\"1\"")
			.bodyJson()
			.extractingPath("$.name")
			.isEqualTo("epsilon");
		assertThat(mvc.get()
			.uri("/api/v1/clusters/epsilon")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.header(HttpHeaders.IF_NONE_MATCH, "\"1\"")).hasStatus(HttpStatus.NOT_MODIFIED);
	}

	@Test
	void anUnknownClusterAnswers404Problem() {
		assertThat(mvc.get().uri("/api/v1/clusters/nowhere").header(HttpHeaders.AUTHORIZATION, BEARER))
			.hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(PROBLEM)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:stoker:problem:cluster-not-found");
		assertThat(mvc.put()
			.uri("/api/v1/clusters/nowhere")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestDefinitions.dualStackAws("nowhere"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.delete().uri("/api/v1/clusters/nowhere").header(HttpHeaders.AUTHORIZATION, BEARER))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void anUnknownPathAnswers404ProblemAndAWrongMethod405() {
		assertThat(mvc.get().uri("/api/v1/nothing-here").header(HttpHeaders.AUTHORIZATION, BEARER))
			.hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(PROBLEM);
		assertThat(mvc.patch().uri("/api/v1/clusters/x").header(HttpHeaders.AUTHORIZATION, BEARER))
			.hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
			.hasContentType(PROBLEM);
	}

	@Test
	void putWithTheCurrentRevisionReplacesAndBumpsIt() {
		create("zeta");
		String changed = TestDefinitions.dualStackAws("zeta").replace("v1.33.2", "v1.33.3");
		assertThat(mvc.put()
			.uri("/api/v1/clusters/zeta")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.header(HttpHeaders.IF_MATCH, "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(changed)).hasStatusOk()
			.hasHeader(HttpHeaders.ETAG, "\"2\"")
			.bodyJson()
			.extractingPath("$.kubernetesVersion")
			.isEqualTo("v1.33.3");
	}

	@Test
	void aMinorNewerThanStokerKnowsIsStoredWithAWarningAndAKnownOneWithout() {
		String warning = "kubernetesVersion v1.99.0 is newer than v1.37, the newest minor release Stoker knows: check "
				+ "that the release exists and that its kubeadm reads the config API version the cluster uses before "
				+ "booting nodes.";
		assertThat(mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestDefinitions.dualStackAws("future").replace("v1.33.2", "v1.99.0")))
			.hasStatus(HttpStatus.CREATED)
			.hasHeader("Stoker-Warning", warning);
		assertThat(mvc.put()
			.uri("/api/v1/clusters/future")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestDefinitions.dualStackAws("future").replace("v1.33.2", "v1.99.0"))).hasStatusOk()
			.hasHeader("Stoker-Warning", warning);
		assertThat(mvc.put()
			.uri("/api/v1/clusters/future")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestDefinitions.dualStackAws("future"))).hasStatusOk().doesNotContainHeader("Stoker-Warning");
	}

	@Test
	void putWithAStaleRevisionAnswers412AndChangesNothing() {
		create("eta");
		mvc.put()
			.uri("/api/v1/clusters/eta")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestDefinitions.dualStackAws("eta"))
			.exchange();
		assertThat(mvc.put()
			.uri("/api/v1/clusters/eta")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.header(HttpHeaders.IF_MATCH, "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestDefinitions.dualStackAws("eta").replace("v1.33.2", "v1.34.0")))
			.hasStatus(HttpStatus.PRECONDITION_FAILED)
			.hasHeader(HttpHeaders.ETAG, "\"2\"")
			.bodyJson()
			.extractingPath("$.currentRevision")
			.isEqualTo(2);
		assertThat(mvc.get().uri("/api/v1/clusters/eta").header(HttpHeaders.AUTHORIZATION, BEARER)).bodyJson()
			.extractingPath("$.kubernetesVersion")
			.isEqualTo("v1.33.2");
	}

	@Test
	void aWeakETagNeverSatisfiesIfMatch() {
		create("theta");
		assertThat(mvc.put()
			.uri("/api/v1/clusters/theta")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.header(HttpHeaders.IF_MATCH, "W/\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestDefinitions.dualStackAws("theta"))).hasStatus(HttpStatus.PRECONDITION_FAILED);
	}

	@Test
	void putMayLeaveTheNameOutButNotChangeIt() {
		create("iota");
		String withoutName = TestDefinitions.dualStackAws("iota").replace("\"name\": \"iota\", ", "");
		assertThat(mvc.put()
			.uri("/api/v1/clusters/iota")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(withoutName)).hasStatusOk().bodyJson().extractingPath("$.name").isEqualTo("iota");
		assertThat(mvc.put()
			.uri("/api/v1/clusters/iota")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestDefinitions.dualStackAws("kappa"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].pointer")
			.isEqualTo("/name");
	}

	@Test
	void deleteHonoursIfMatchThenAnswers204() {
		create("lambda");
		assertThat(mvc.delete()
			.uri("/api/v1/clusters/lambda")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.header(HttpHeaders.IF_MATCH, "\"7\"")).hasStatus(HttpStatus.PRECONDITION_FAILED);
		assertThat(mvc.delete()
			.uri("/api/v1/clusters/lambda")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.header(HttpHeaders.IF_MATCH, "\"1\"")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/v1/clusters/lambda").header(HttpHeaders.AUTHORIZATION, BEARER))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void listAnswersEveryClusterByNameWithItsRevision() {
		create("nu");
		create("mu");
		assertThat(mvc.get().uri("/api/v1/clusters").header(HttpHeaders.AUTHORIZATION, BEARER)).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$[*].name").asArray().containsSubsequence("mu", "nu");
				assertThat(json).extractingPath("$[0].revision").isEqualTo(1);
				assertThat(json).extractingPath("$[0].definition.platform").isEqualTo("aws");
			});
	}

}

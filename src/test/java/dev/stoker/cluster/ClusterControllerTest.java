package dev.stoker.cluster;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.stoker.TestDefinitions;
import dev.stoker.json.Mappers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every status the cluster API answers, through the real MVC stack with a fake
 * repository.
 */
@ClusterApiSlice
class ClusterControllerTest {

	private static final String BEARER = "Bearer " + ClusterApiSlice.TOKEN;

	private static final String PROBLEM = "application/problem+json";

	private static final String READ_TYPES = "application/json, application/yaml, application/x-yaml, text/yaml, "
			+ "text/x-yaml";

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

	private static String azureYaml(String name) {
		return """
				name: %s
				kubernetesVersion: v1.30.4
				platform: azure
				controlPlaneEndpoint: {host: 10.0.0.10, port: 443}
				networking:
				  podSubnets: [10.244.0.0/16]
				  serviceSubnets: [10.96.0.0/16]
				""".formatted(name);
	}

	private MvcTestResult put(String name, String json) {
		return mvc.put()
			.uri("/api/v1/clusters/" + name)
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
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
		String yaml = azureYaml("beta");
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

	/**
	 * A 415 names the types the endpoint reads, in the detail and in Accept (RFC 9110,
	 * section 15.5.16), and never the type that was sent.
	 */
	@Test
	void anUnsupportedMediaTypeAnswers415WithTheTypesThatAreRead() {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType("text/stf-abcdefghijkl-secret")
			.content("name: x")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(PROBLEM)
			.hasHeader(HttpHeaders.ACCEPT, READ_TYPES)
			.bodyJson()
			.isStrictlyEqualTo(
					"""
							{"type": "urn:stoker:problem:unsupported-media-type", "title": "Unsupported media type",
							 "status": 415, "instance": "/api/v1/clusters",
							 "detail": "The Content-Type is not one this endpoint reads: send the body as one of %s, and say so in Content-Type."}
							"""
						.formatted(READ_TYPES));
	}

	@Test
	void aBodyWithoutContentTypeIsToldSoWithoutNull() throws Exception {
		MvcTestResult result = mvc.put()
			.uri("/api/v1/clusters/nowhere")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.content("name: x")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasHeader(HttpHeaders.ACCEPT, READ_TYPES)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The request has no Content-Type: send the body as one of " + READ_TYPES
					+ ", and say so in Content-Type.");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("null");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
			"text/yaml; charset=utf-8" })
	void everyYamlMediaTypeIsRead(String type) {
		String name = "yaml-" + Integer.toHexString(type.hashCode());
		String yaml = azureYaml(name);
		assertThat(mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.header(HttpHeaders.CONTENT_TYPE, type)
			.content(yaml)).hasStatus(HttpStatus.CREATED);
		assertThat(mvc.put()
			.uri("/api/v1/clusters/" + name)
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.header(HttpHeaders.CONTENT_TYPE, type)
			.content(yaml.replace("v1.30.4", "v1.30.5"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.kubernetesVersion")
			.isEqualTo("v1.30.5");
	}

	/**
	 * An entity tag is quoted (RFC 9110, section 8.8.3): an unquoted one is a malformed
	 * header, answered with the form to send, not a 412 that would send the client to
	 * read a revision it had right.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					3                         | If-Match takes entity tags in double quotes, exactly as the ETag header answers them: send If-Match: "3".
					` 12 `                    | If-Match takes entity tags in double quotes, exactly as the ETag header answers them: send If-Match: "12".
					stf.abcdefghijkl.SECRET   | If-Match takes entity tags in double quotes, exactly as the ETag header answers them: send If-Match: "<revision>", such as If-Match: "3" for revision 3, or If-Match: * for any.
					`"1", 2`                  | If-Match takes entity tags in double quotes, exactly as the ETag header answers them: send If-Match: "<revision>", such as If-Match: "3" for revision 3, or If-Match: * for any.
					`'1'`                     | If-Match takes entity tags in double quotes, exactly as the ETag header answers them: send If-Match: "<revision>", such as If-Match: "3" for revision 3, or If-Match: * for any.
					""")
	void anUnquotedIfMatchIs400ShowingTheForm(String ifMatch, String detail) {
		create("if-match");
		for (MvcTestResult result : List.of(
				mvc.put()
					.uri("/api/v1/clusters/if-match")
					.header(HttpHeaders.AUTHORIZATION, BEARER)
					.header(HttpHeaders.IF_MATCH, ifMatch)
					.contentType(MediaType.APPLICATION_JSON)
					.content(TestDefinitions.dualStackAws("if-match"))
					.exchange(),
				mvc.delete()
					.uri("/api/v1/clusters/if-match")
					.header(HttpHeaders.AUTHORIZATION, BEARER)
					.header(HttpHeaders.IF_MATCH, ifMatch)
					.exchange())) {
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
				.bodyJson()
				.isStrictlyEqualTo(
						"""
								{"type": "urn:stoker:problem:invalid-request", "title": "Invalid request", "status": 400,
								 "detail": %s, "instance": "/api/v1/clusters/if-match",
								 "errors": [{"pointer": "If-Match", "detail": "must be entity tags in double quotes, as ETag answers them, or *"}]}
								"""
							.formatted(Mappers.json().writeValueAsString(detail)));
		}
		assertThat(mvc.get().uri("/api/v1/clusters/if-match").header(HttpHeaders.AUTHORIZATION, BEARER))
			.as("neither replaced nor deleted")
			.hasHeader(HttpHeaders.ETAG, "\"1\"");
	}

	@Test
	void putToAMissingClusterIs404WhateverNameTheBodyHolds() {
		assertThat(put("missing", TestDefinitions.dualStackAws("other-name"))).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:stoker:problem:cluster-not-found");
		assertThat(put("missing", "{\"name\": \"missing\"}")).as("404 before the definition is judged")
			.hasStatus(HttpStatus.NOT_FOUND);
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
		assertThat(put("iota", TestDefinitions.dualStackAws("kappa"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.isEqualTo(java.util.Map.of("pointer", "/name", "detail",
					"must be iota, the cluster in the URL: a cluster cannot be renamed"));
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

package dev.stoker.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.stoker.SharedApplication;
import dev.stoker.json.Mappers;
import dev.stoker.secrets.StoredBeforeThePki;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotating a cluster's join secrets over HTTP: the answer holds the new values and the
 * exact commands that register them, every document changes to the new values and the CA
 * stays, and a request that does not say plainly what to rotate rotates nothing.
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretRotationTest {

	private static final String TOKEN_FORMAT = "[a-z0-9]{6}\\.[a-z0-9]{16}";

	private static final String KEY_FORMAT = "[0-9a-f]{64}";

	/**
	 * The cluster the refused requests are sent to: it must come out of them unchanged.
	 */
	private static final String UNTOUCHED = "untouched";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext application;

	private String untouchedWorkersToken;

	@BeforeAll
	void createTheClusterThatRefusalsMustLeaveAlone() throws Exception {
		untouchedWorkersToken = create(UNTOUCHED).path("fetchTokens").path("workers").asString();
	}

	/**
	 * A cluster stored before the control-plane PKI rotates its certificate key as
	 * before.
	 */
	@Test
	void rotatingBothAnswersTheNewValuesAndTheCommandsThatRegisterThem() throws Exception {
		createStoredBeforeThePki("both");
		Secrets before = Secrets.of(this, "both");

		MvcTestResult result = rotate("both", "{\"bootstrapToken\": true, \"certificateKey\": true}");

		assertThat(result).hasStatusOk()
			.hasHeader(HttpHeaders.ETAG, "\"2\"")
			.hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		JsonNode answer = json(result);
		String token = answer.path("bootstrapToken").asString();
		String key = answer.path("certificateKey").asString();
		assertThat(token).matches(TOKEN_FORMAT).isNotEqualTo(before.token());
		assertThat(key).matches(KEY_FORMAT).isNotEqualTo(before.key());
		assertThat(answer.path("revision").asLong()).isEqualTo(2);
		assertThat(strings(answer.path("commands"))).containsExactly("kubeadm token create " + token + " --ttl 24h0m0s",
				"kubeadm init phase upload-certs --upload-certs --certificate-key " + key);

		Secrets after = Secrets.of(this, "both");
		assertThat(after.token()).isEqualTo(token);
		assertThat(after.key()).isEqualTo(key);
		assertThat(after.caCertHashes()).as("the CA is not rotated").isEqualTo(before.caCertHashes());
		for (String format : List.of("kubeadm", "butane")) {
			for (String group : List.of("bootstrap", "control-plane", "workers", "gpu")) {
				assertThat(document("both", group, format)).as(group + " " + format)
					.contains(token)
					.doesNotContain(before.token(), before.key());
			}
			for (String group : List.of("bootstrap", "control-plane")) {
				assertThat(document("both", group, format)).as(group + " " + format).contains(key);
			}
		}
		assertThat(cluster("both")).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"2\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"bootstrapToken\": true}", "{\"bootstrapToken\": true, \"certificateKey\": false}" })
	void rotatingTheTokenAloneKeepsTheKey(String body) throws Exception {
		String name = "token-only-" + Integer.toHexString(body.hashCode());
		create(name);
		Secrets before = Secrets.of(this, name);

		MvcTestResult result = rotate(name, body);

		assertThat(result).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"2\"");
		JsonNode answer = json(result);
		String token = answer.path("bootstrapToken").asString();
		assertThat(token).matches(TOKEN_FORMAT).isNotEqualTo(before.token());
		assertThat(answer.has("certificateKey")).as("only what was rotated is answered").isFalse();
		assertThat(strings(answer.path("commands")))
			.containsExactly("kubeadm token create " + token + " --ttl 24h0m0s");
		Secrets after = Secrets.of(this, name);
		assertThat(after.token()).isEqualTo(token);
		assertThat(after.key()).as("a cluster created now has none").isEmpty();
		assertThat(before.key()).isEmpty();
		assertThat(after.caCertHashes()).isEqualTo(before.caCertHashes());
		assertThat(cluster(name)).hasHeader(HttpHeaders.ETAG, "\"2\"");
	}

	@Test
	void rotatingTheKeyAloneKeepsTheToken() throws Exception {
		createStoredBeforeThePki("key-only");
		Secrets before = Secrets.of(this, "key-only");

		MvcTestResult result = rotate("key-only", "{\"certificateKey\": true}");

		assertThat(result).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"2\"");
		JsonNode answer = json(result);
		String key = answer.path("certificateKey").asString();
		assertThat(key).matches(KEY_FORMAT).isNotEqualTo(before.key());
		assertThat(answer.has("bootstrapToken")).isFalse();
		assertThat(strings(answer.path("commands")))
			.containsExactly("kubeadm init phase upload-certs --upload-certs --certificate-key " + key);
		Secrets after = Secrets.of(this, "key-only");
		assertThat(after.key()).isEqualTo(key);
		assertThat(after.token()).isEqualTo(before.token());
	}

	@Test
	void eachRotationBumpsTheRevisionAgain() throws Exception {
		create("twice");
		assertThat(rotate("twice", "{\"bootstrapToken\": true}")).hasHeader(HttpHeaders.ETAG, "\"2\"");
		MvcTestResult second = rotate("twice", "{\"bootstrapToken\": true}");
		assertThat(second).hasHeader(HttpHeaders.ETAG, "\"3\"");
		assertThat(json(second).path("revision").asLong()).isEqualTo(3);
		assertThat(cluster("twice")).hasHeader(HttpHeaders.ETAG, "\"3\"");
	}

	private static final String NOTHING = "must set bootstrapToken or certificateKey (or both) to true";

	private static final String NOT_A_FLAG = "must be true or false";

	private static final String UNKNOWN = "is not a known field; the fields here are bootstrapToken, certificateKey";

	private static final String NOT_AN_OBJECT = "must be a JSON object such as {\"bootstrapToken\": true}";

	private static final String NO_KEY = "this cluster has no certificate key: its control planes get the keys they"
			+ " share from their documents, and kubeadm uploads no certificates for them. Rotate only bootstrapToken";

	static Stream<Arguments> requestsThatSayNothingPlainly() {
		return Stream.of(Arguments.of("{}", Map.of("", NOTHING)),
				Arguments.of("{\"bootstrapToken\": false}", Map.of("", NOTHING)),
				Arguments.of("{\"bootstrapToken\": false, \"certificateKey\": false}", Map.of("", NOTHING)),
				Arguments.of("{\"bootstrapToken\": \"true\"}", Map.of("/bootstrapToken", NOT_A_FLAG)),
				// a cluster created now has the control-plane PKI and no certificate key
				Arguments.of("{\"certificateKey\": true}", Map.of("/certificateKey", NO_KEY)),
				Arguments.of("{\"bootstrapToken\": true, \"certificateKey\": true}", Map.of("/certificateKey", NO_KEY)),
				Arguments.of("{\"certificateKey\": 1}", Map.of("/certificateKey", NOT_A_FLAG)),
				Arguments.of("{\"certificateKey\": null}", Map.of("/certificateKey", NOT_A_FLAG)),
				Arguments.of("{\"bogus\": true}", Map.of("/bogus", UNKNOWN)),
				Arguments.of("{\"bootstrapToken\": true, \"bogus\": true}", Map.of("/bogus", UNKNOWN)),
				Arguments.of("{\"bootstrapToken\": true, \"a/b~c\": true}", Map.of("/a~1b~0c", UNKNOWN)),
				Arguments.of("{\"bootstraptoken\": true, \"certificateKey\": \"yes\"}",
						Map.of("/bootstraptoken", UNKNOWN, "/certificateKey", NOT_A_FLAG)),
				Arguments.of("[]", Map.of("", NOT_AN_OBJECT)),
				Arguments.of("[{\"bootstrapToken\": true}]", Map.of("", NOT_AN_OBJECT)),
				Arguments.of("true", Map.of("", NOT_AN_OBJECT)),
				Arguments.of("\"bootstrapToken\"", Map.of("", NOT_AN_OBJECT)));
	}

	@ParameterizedTest(name = "{0} rotates nothing: {1}")
	@MethodSource("requestsThatSayNothingPlainly")
	void aRequestThatDoesNotSayPlainlyWhatToRotateRotatesNothing(String body, Map<String, String> errors)
			throws Exception {
		Secrets before = Secrets.of(this, UNTOUCHED);

		MvcTestResult result = rotate(UNTOUCHED, body);

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json(result);
		assertThat(problem.path("type").asString()).isEqualTo("urn:stoker:problem:invalid-request");
		assertThat(problem.path("detail").asString()).isEqualTo("Nothing was rotated; see errors.");
		assertThat(problem.path("errors")
			.valueStream()
			.collect(Collectors.toMap((error) -> error.path("pointer").asString(),
					(error) -> error.path("detail").asString())))
			.isEqualTo(errors);
		assertUntouched(before);
	}

	/**
	 * Not JSON, or JSON that a strict reader refuses: the malformed-body problem every
	 * endpoint answers, which has no pointers (there is no tree to point into).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "bootstrapToken=true", "{\"bootstrapToken\": true", "",
			"{\"bootstrapToken\": true, \"bootstrapToken\": false}" })
	void aBodyThatIsNotJsonRotatesNothing(String body) throws Exception {
		Secrets before = Secrets.of(this, UNTOUCHED);

		MvcTestResult result = rotate(UNTOUCHED, body);

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(json(result).path("type").asString()).isEqualTo("urn:stoker:problem:malformed-body");
		assertUntouched(before);
	}

	/**
	 * Bodies may be YAML wherever a body is read, under any of YAML's media types; a tag
	 * that could stand for something the rotation reader does not see is refused at its
	 * pointer, and rotates nothing.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" })
	void aYamlBodyRotatesUnderEveryYamlMediaType(String type) throws Exception {
		String name = "yaml-" + Integer.toHexString(type.hashCode());
		create(name);
		Secrets before = Secrets.of(this, name);

		MvcTestResult result = rotate(name, type, "bootstrapToken: true\n");

		assertThat(result).hasStatusOk();
		assertThat(json(result).path("bootstrapToken").asString()).matches(TOKEN_FORMAT).isNotEqualTo(before.token());
		assertThat(json(result).has("certificateKey")).isFalse();
	}

	@Test
	void aYamlTagRotatesNothing() throws Exception {
		Secrets before = Secrets.of(this, UNTOUCHED);

		MvcTestResult result = rotate(UNTOUCHED, "application/yaml", "bootstrapToken: !foo true\n");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(json(result).path("type").asString()).isEqualTo("urn:stoker:problem:invalid-request");
		assertThat(json(result).at("/errors/0/pointer").asString()).isEqualTo("/bootstrapToken");
		assertUntouched(before);
	}

	@Test
	void aFetchTokenCannotRotate() throws Exception {
		Secrets before = Secrets.of(this, UNTOUCHED);

		MvcTestResult result = mvc.post()
			.uri("/api/v1/clusters/{name}/secrets/rotate", UNTOUCHED)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + untouchedWorkersToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"bootstrapToken\": true, \"certificateKey\": true}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
		assertUntouched(before);
	}

	@Test
	void anUnknownClusterAnswers404() throws Exception {
		MvcTestResult result = rotate("nowhere", "{\"bootstrapToken\": true}");

		assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(json(result).path("type").asString()).isEqualTo("urn:stoker:problem:cluster-not-found");
	}

	private void assertUntouched(Secrets before) throws Exception {
		assertThat(Secrets.of(this, UNTOUCHED)).isEqualTo(before);
		assertThat(cluster(UNTOUCHED)).hasHeader(HttpHeaders.ETAG, "\"1\"");
	}

	/** The join secrets as the documents carry them. */
	record Secrets(String token, String key, List<String> caCertHashes) {

		static Secrets of(SecretRotationTest test, String cluster) throws Exception {
			JsonNode workers = test.kubeadm(cluster, "workers");
			JsonNode controlPlane = test.kubeadm(cluster, "control-plane");
			String token = workers.at("/discovery/bootstrapToken/token").asString();
			assertThat(controlPlane.at("/discovery/bootstrapToken/token").asString()).isEqualTo(token);
			List<String> hashes = strings(workers.at("/discovery/bootstrapToken/caCertHashes"));
			assertThat(strings(controlPlane.at("/discovery/bootstrapToken/caCertHashes"))).isEqualTo(hashes);
			assertThat(hashes).isNotEmpty();
			return new Secrets(token, controlPlane.at("/controlPlane/certificateKey").asString(), hashes);
		}

	}

	private JsonNode create(String name) throws Exception {
		ObjectNode definition = (ObjectNode) Mappers.yaml()
			.readTree(Files.readString(Path.of("examples", "aws-dual-stack.yaml")));
		definition.put("name", name);
		MvcTestResult created = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content(Mappers.json().writeValueAsString(definition))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader(HttpHeaders.ETAG, "\"1\"");
		return json(created);
	}

	private void createStoredBeforeThePki(String name) throws Exception {
		create(name);
		StoredBeforeThePki.rewrite(application, name);
		assertThat(Secrets.of(this, name).key()).matches(KEY_FORMAT);
	}

	private MvcTestResult rotate(String cluster, String body) {
		return rotate(cluster, MediaType.APPLICATION_JSON_VALUE, body);
	}

	private MvcTestResult rotate(String cluster, String contentType, String body) {
		return mvc.post()
			.uri("/api/v1/clusters/{name}/secrets/rotate", cluster)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType(contentType)
			.content(body)
			.exchange();
	}

	private MvcTestResult cluster(String name) {
		return mvc.get()
			.uri("/api/v1/clusters/{name}", name)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange();
	}

	private String document(String cluster, String group, String format) throws Exception {
		MvcTestResult result = mvc.get()
			.uri("/api/v1/clusters/{name}/node-groups/{group}/{format}", cluster, group, format)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

	/** The first document of a group's kubeadm config: its Init- or JoinConfiguration. */
	private JsonNode kubeadm(String cluster, String group) throws Exception {
		String yaml = document(cluster, group, "kubeadm");
		return Mappers.yaml().readValues(Mappers.yaml().createParser(yaml), JsonNode.class).readAll().get(0);
	}

	private static JsonNode json(MvcTestResult result) throws Exception {
		return Mappers.json().readTree(result.getResponse().getContentAsString());
	}

	private static List<String> strings(JsonNode array) {
		assertThat(array.isArray()).as("an array: " + array).isTrue();
		return array.valueStream().map(JsonNode::asString).toList();
	}

}

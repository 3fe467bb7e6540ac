package dev.stoker.cluster;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import dev.stoker.Golden;
import dev.stoker.definition.validation.ValidationCases;
import dev.stoker.definition.validation.ValidationCases.ValidationCase;
import dev.stoker.definition.validation.ValidationReports;
import dev.stoker.json.Mappers;
import dev.stoker.problem.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The validation table, sent over HTTP as an operator would send it: each invalid
 * definition is answered 400 with exactly the expected pointers, each valid one 201. And
 * YAML definitions, stored as written or refused at the pointer of what Stoker would not
 * read as written (a tag, an alias, no value where a string belongs): each case changes a
 * line of a valid definition, whose role bootstrap carries the anchor the aliases name.
 */
@ClusterApiSlice
class ValidationOverHttpTest {

	private static final String YAML_DEFINITION = """
			name: prod-use1
			kubernetesVersion: v1.33.2
			platform: aws
			controlPlaneEndpoint:
			  host: k8s-int.example.internal
			  port: 6443
			apiServer:
			  certSANs:
			    - k8s.example.com
			  extraArgs:
			    audit-log-maxage: "30"
			networking:
			  podSubnets: [10.244.0.0/16]
			  serviceSubnets: [10.96.0.0/16]
			  skipKubeProxy: false
			nodeGroups:
			  - name: bootstrap
			    role: &bootstrap bootstrap
			  - name: workers
			    role: worker
			    labels:
			      tier: general
			""";

	private static final String UNREAD = ", which Stoker does not read; remove it";

	private static final String NO_VALUE = "must have a value: write an empty one as \"\" (YAML reads a key without a "
			+ "value, or ~, as no value at all)";

	private static final String TIER = "/nodeGroups/1/labels/tier";

	private static final String SAN = "/apiServer/certSANs/0";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	InMemoryClusterRepository repository;

	@BeforeEach
	void emptyStore() {
		repository.clear();
	}

	static Stream<Arguments> invalid() {
		return ValidationCases.invalid().map(c -> Arguments.of(c.sentence(), c));
	}

	static Stream<Arguments> valid() {
		return ValidationCases.valid().map(c -> Arguments.of(c.sentence(), c));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalid")
	void invalidDefinitionsAnswer400WithTheirPointers(String sentence, ValidationCase definition) {
		assertThat(post(definition)).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType("application/problem+json")
			.bodyJson()
			.extractingPath("$.errors[*].pointer")
			.asArray()
			.containsExactlyInAnyOrderElementsOf(definition.pointers());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valid")
	void validDefinitionsAnswer201(String sentence, ValidationCase definition) {
		assertThat(post(definition)).hasStatus(HttpStatus.CREATED);
	}

	static Stream<Arguments> refusedYaml() {
		return Stream.of(
				arguments("a local tag on a string", "name: prod-use1", "name: !foo prod-use1", "/name",
						"has the YAML tag !foo" + UNREAD),
				arguments("a local tag on the whole document", "name: prod-use1", "--- !foo\nname: prod-use1", "",
						"has the YAML tag !foo" + UNREAD),
				arguments("a local tag on a mapping", "    labels:", "    labels: !foo", "/nodeGroups/1/labels",
						"has the YAML tag !foo" + UNREAD),
				arguments("!!set as the labels", "    labels:\n      tier: general", "    labels: !!set {tier, gpu}",
						"/nodeGroups/1/labels", "has the YAML tag !!set" + UNREAD),
				arguments("the non-specific tag !", "name: prod-use1", "name: ! prod-use1", "/name",
						"has the YAML tag !" + UNREAD),
				arguments("a tag on a label's name", "      tier: general", "      !foo tier: general", TIER,
						"has the YAML tag !foo on its name" + UNREAD),
				arguments("an alias", "      tier: general", "      tier: *bootstrap", TIER,
						"is the YAML alias *bootstrap, which Stoker does not read; write the value out instead"),
				arguments("a label without a value", "      tier: general", "      tier:", TIER, NO_VALUE),
				arguments("a label of ~", "      tier: general", "      tier: ~", TIER, NO_VALUE),
				arguments("a label of null", "      tier: general", "      tier: null", TIER, NO_VALUE),
				arguments("a label of NULL", "      tier: general", "      tier: NULL", TIER, NO_VALUE),
				arguments("a label of !!null", "      tier: general", "      tier: !!null", TIER, NO_VALUE),
				arguments("an extra arg without a value", "    audit-log-maxage: \"30\"", "    audit-log-maxage:",
						"/apiServer/extraArgs/audit-log-maxage", NO_VALUE),
				arguments("a local tag on a list item", "    - k8s.example.com", "    - !foo k8s.example.com", SAN,
						"has the YAML tag !foo" + UNREAD),
				arguments("an alias as a list item", "    - k8s.example.com", "    - *bootstrap", SAN,
						"is the YAML alias *bootstrap, which Stoker does not read; write the value out instead"),
				arguments("a list item without a value", "    - k8s.example.com", "    -", SAN,
						"must be a DNS name or an IP address"),
				arguments("a list item of ~", "    - k8s.example.com", "    - ~", SAN,
						"must be a DNS name or an IP address"),
				arguments("a local tag on a list item's mapping", "  - name: bootstrap",
						"  - !foo\n    name: bootstrap", "/nodeGroups/0", "has the YAML tag !foo" + UNREAD),
				arguments("!!int on a string", "kubernetesVersion: v1.33.2", "kubernetesVersion: !!int v1.33.2",
						"/kubernetesVersion", "has the YAML tag !!int" + UNREAD),
				arguments("!!float on a number", "  port: 6443", "  port: !!float 6443", "/controlPlaneEndpoint/port",
						"has the YAML tag !!float" + UNREAD));
	}

	@ParameterizedTest(name = "{0} is refused at its pointer")
	@MethodSource
	void refusedYaml(String sentence, String written, String replacement, String pointer, String detail) {
		MvcTestResult result = postYaml(yamlWith(written, replacement));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType("application/problem+json");
		JsonNode problem = Mappers.json().readTree(result.getResponse().getContentAsByteArray());
		assertThat(problem.path("type").asString()).isEqualTo("urn:stoker:problem:invalid-definition");
		assertThat(problem.path("errors")).isEqualTo(Mappers.json()
			.createArrayNode()
			.add(Mappers.json().createObjectNode().put("pointer", pointer).put("detail", detail)));
	}

	static Stream<Arguments> storedYaml() {
		return Stream.of(arguments("a quoted empty label", "      tier: general", "      tier: \"\"", TIER, "\"\""),
				arguments("!!str on a string", "      tier: general", "      tier: !!str general", TIER, "\"general\""),
				arguments("!!str on a number", "      tier: general", "      tier: !!str 1.10", TIER, "\"1.10\""),
				arguments("a quoted ~", "    audit-log-maxage: \"30\"", "    audit-log-maxage: '~'",
						"/apiServer/extraArgs/audit-log-maxage", "\"~\""),
				arguments("!!int on a number", "  port: 6443", "  port: !!int 6443", "/controlPlaneEndpoint/port",
						"6443"),
				arguments("!!bool on false", "  skipKubeProxy: false", "  skipKubeProxy: !!bool false",
						"/networking/skipKubeProxy", "false"),
				arguments("!!map on a mapping", "    labels:", "    labels: !!map", "/nodeGroups/1/labels",
						"{\"tier\": \"general\"}"),
				arguments("!!seq on a sequence", "  certSANs:", "  certSANs: !!seq", "/apiServer/certSANs",
						"[\"k8s.example.com\"]"),
				arguments("an anchor", "    - k8s.example.com", "    - &san k8s.example.com", SAN,
						"\"k8s.example.com\""));
	}

	@ParameterizedTest(name = "{0} is stored as written")
	@MethodSource
	void storedYaml(String sentence, String written, String replacement, String pointer, String json) {
		MvcTestResult result = postYaml(yamlWith(written, replacement));

		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat(Mappers.json().readTree(result.getResponse().getContentAsByteArray()).at(pointer))
			.isEqualTo(Mappers.json().readTree(json));
	}

	@Test
	void aTagIsReportedTogetherWithTheDefinitionsOtherProblems() {
		MvcTestResult result = postYaml(yamlWith("name: prod-use1", "name: !foo prod-use1")
			.replace("kubernetesVersion: v1.33.2", "kubernetesVersion: \"1.33\"")
			.replace("      tier: general", "      tier:"));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].pointer")
			.asArray()
			.containsExactlyInAnyOrder("/name", "/kubernetesVersion", TIER);
	}

	@Test
	void aReplacementIsReadTheSameWay() {
		assertThat(postYaml(YAML_DEFINITION)).hasStatus(HttpStatus.CREATED);

		MvcTestResult result = mvc.put()
			.uri("/api/v1/clusters/prod-use1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ClusterApiSlice.TOKEN)
			.contentType("application/yaml")
			.content(yamlWith("      tier: general", "      tier: !foo gpu"))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].pointer")
			.isEqualTo(TIER);
	}

	private static String yamlWith(String written, String replacement) {
		assertThat(YAML_DEFINITION).containsOnlyOnce(written);
		return YAML_DEFINITION.replace(written, replacement);
	}

	/**
	 * Every detail a user reads, as answered over HTTP: the same as the validator's,
	 * reviewed in one golden file (see ClusterValidatorTest).
	 */
	@Test
	void everyReportOverHttpReadsAsReviewed() throws Exception {
		Golden.assertMatches(ValidationReports.of(this::errors), ValidationReports.GOLDEN);
	}

	private List<FieldError> errors(ValidationCase invalidCase) {
		MvcTestResult answer = post(invalidCase);
		assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST);
		JsonNode problem = Mappers.json().readTree(answer.getResponse().getContentAsByteArray());
		return problem.path("errors")
			.valueStream()
			.map((error) -> new FieldError(error.path("pointer").asString(), error.path("detail").asString()))
			.toList();
	}

	private MvcTestResult post(ValidationCase definition) {
		return post(MediaType.APPLICATION_JSON_VALUE, definition.json());
	}

	private MvcTestResult postYaml(String yaml) {
		return post("application/yaml", yaml);
	}

	private MvcTestResult post(String contentType, String body) {
		return mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ClusterApiSlice.TOKEN)
			.contentType(contentType)
			.content(body)
			.exchange();
	}

}

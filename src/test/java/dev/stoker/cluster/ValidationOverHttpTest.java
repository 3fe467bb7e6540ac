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

import dev.stoker.Golden;
import dev.stoker.definition.validation.ValidationCases;
import dev.stoker.definition.validation.ValidationCases.ValidationCase;
import dev.stoker.definition.validation.ValidationReports;
import dev.stoker.json.Mappers;
import dev.stoker.problem.FieldError;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validation table, sent over HTTP as an operator would send it: each invalid
 * definition is answered 400 with exactly the expected pointers, each valid one 201.
 */
@ClusterApiSlice
class ValidationOverHttpTest {

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
		return mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ClusterApiSlice.TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(definition.json())
			.exchange();
	}

}

package dev.stoker.definition.validation;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import tools.jackson.databind.JsonNode;

import dev.stoker.json.Mappers;
import dev.stoker.problem.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A label whose value is null is refused at its pointer instead of being stored as an
 * empty string nobody wrote.
 */
class NullValuesTest {

	static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> nulls() {
		return java.util.stream.Stream.of(
				org.junit.jupiter.params.provider.Arguments.of("labels: {tier: general}", "labels: {tier: null}",
						"/nodeGroups/2/labels/tier"),
				org.junit.jupiter.params.provider.Arguments.of("labels: {tier: gpu,", "labels: {tier: null,",
						"/nodeGroups/3/labels/tier"));
	}

	@ParameterizedTest(name = "{1}")
	@org.junit.jupiter.params.provider.MethodSource("nulls")
	void aValueLeftOutIsRefusedAtItsPointer(String written, String replacement, String pointer) throws Exception {
		String yaml = Files.readString(Path.of("examples", "aws-dual-stack.yaml"));
		assertThat(yaml).contains(written);
		JsonNode tree = Mappers.yaml().readTree(yaml.replace(written, replacement));

		InvalidDefinitionException refused = catchThrowableOfType(InvalidDefinitionException.class,
				() -> new ClusterValidator().validate(tree));

		assertThat(refused).isNotNull();
		assertThat(refused.errors()).contains(new FieldError(pointer,
				"must have a value: write an empty one as \"\" (YAML reads a key without a value, or ~, as no value at all)"));
	}

}

package dev.stoker.definition.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stoker.json.Mappers;
import dev.stoker.json.RefusedYaml;
import dev.stoker.problem.FieldError;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A value the YAML reader refused, wherever it stands in a definition (a scalar, a
 * mapping, a list, an item of a list), is reported once, at its pointer, with the
 * reader's detail: never a second time as missing or of the wrong type.
 */
class RefusedYamlTest {

	private static final String DETAIL = "has the YAML tag !foo, which Stoker does not read; remove it";

	static Stream<Arguments> everyValueOfTheExamples() throws Exception {
		Map<String, JsonNode> definitions = new LinkedHashMap<>();
		for (String example : List.of("aws-dual-stack.yaml", "metal-ipv6-first.yaml")) {
			definitions.put(example, Mappers.yaml().readTree(Files.readString(Path.of("examples", example))));
		}
		definitions.put("the design document's definition",
				ValidationCases.base()
					.setJson("/apiServer/extraArgs", "{\"audit-log-maxage\": \"30\"}")
					.setJson("/controllerManager/extraArgs", "{\"v\": \"2\"}")
					.setJson("/nodeGroups/2/taints",
							"[{\"key\": \"dedicated\", \"value\": \"gpu\", \"effect\": \"NoSchedule\"}]")
					.tree());
		List<Arguments> cases = new ArrayList<>();
		definitions.forEach((name, tree) -> pointersBelow(tree, "")
			.forEach((pointer) -> cases.add(Arguments.of(name, pointer, tree))));
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("everyValueOfTheExamples")
	void aRefusedValueIsReportedOnceAtItsPointer(String example, String pointer, JsonNode definition) {
		JsonNode tree = definition.deepCopy();
		JsonPointer at = JsonPointer.compile(pointer);
		JsonNode refused = JsonNodeFactory.instance.pojoNode(new RefusedYaml(DETAIL));
		JsonNode parent = tree.at(at.head());
		if (parent instanceof ObjectNode object) {
			object.set(at.last().getMatchingProperty(), refused);
		}
		else {
			((ArrayNode) parent).set(at.last().getMatchingIndex(), refused);
		}

		InvalidDefinitionException invalid = catchThrowableOfType(InvalidDefinitionException.class,
				() -> new ClusterValidator().validate(tree));

		assertThat(invalid).isNotNull();
		assertThat(invalid.errors()).containsExactly(new FieldError(pointer, DETAIL));
	}

	private static List<String> pointersBelow(JsonNode node, String at) {
		List<String> pointers = new ArrayList<>();
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				String child = dev.stoker.problem.JsonPointer.child(at, name);
				pointers.add(child);
				pointers.addAll(pointersBelow(node.get(name), child));
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String child = dev.stoker.problem.JsonPointer.child(at, i);
				pointers.add(child);
				pointers.addAll(pointersBelow(node.get(i), child));
			}
		}
		return pointers;
	}

}

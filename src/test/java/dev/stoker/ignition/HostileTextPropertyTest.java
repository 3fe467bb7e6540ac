package dev.stoker.ignition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneExamples;
import dev.stoker.butane.ButaneLint;
import dev.stoker.butane.ButaneYaml;
import dev.stoker.butane.FileText;
import dev.stoker.butane.StringSlots;
import dev.stoker.json.Mappers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever text lands in any one string of a config (the example with every option of the
 * model, mount and swap units included), the Butane YAML reads back as the same config,
 * and the Ignition JSON has exactly the entries and keys it has without that text, with
 * every unit and drop-in (a generated mount unit too) keeping its number of lines unless
 * the text is that unit's own contents. Text that would break a generated unit is
 * refused, and then the strict checker reports it too.
 */
class HostileTextPropertyTest {

	private static final ButaneConfig EXAMPLE = ButaneExamples.everything();

	private static final JsonNode BASELINE = tree(ButaneTranspiler.transpile(EXAMPLE));

	@Property
	void textStaysInItsOwnField(@ForAll("slots") int slot, @ForAll("text") String text) {
		ButaneConfig config = StringSlots.replace(EXAMPLE, slot, text);

		assertButaneYamlReadsBack(config);

		JsonNode ignition;
		try {
			ignition = tree(ButaneTranspiler.transpile(config));
		}
		catch (IllegalArgumentException refused) {
			assertThat(ButaneLint.check(config)).as("the checker reports what the transpiler refuses").isNotEmpty();
			return;
		}
		assertThat(shape(ignition, "")).isEqualTo(shape(BASELINE, ""));
		JsonNode units = ignition.path("systemd").path("units");
		JsonNode baselineUnits = BASELINE.path("systemd").path("units");
		for (int i = 0; i < units.size(); i++) {
			String contents = units.get(i).path("contents").asString("");
			String baseline = baselineUnits.get(i).path("contents").asString("");
			if (!contents.equals(text)) {
				assertThat(contents.split("\n", -1)).as("lines of unit %d", i).hasSameSizeAs(baseline.split("\n", -1));
			}
		}
	}

	private static void assertButaneYamlReadsBack(ButaneConfig config) {
		String yaml;
		try {
			yaml = ButaneYaml.write(config);
		}
		catch (IllegalArgumentException refused) {
			assertThat(refused).hasMessageContaining("YAML readers disagree");
			return;
		}
		assertThat(ButaneYaml.read(yaml)).isEqualTo(config);
	}

	/** Every key and list index of the document, by pointer: its entries and keys. */
	private static List<String> shape(JsonNode node, String at) {
		List<String> pointers = new ArrayList<>();
		pointers.add(at);
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				pointers.addAll(shape(field.getValue(), at + "/" + field.getKey()));
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				pointers.addAll(shape(node.get(i), at + "/" + i));
			}
		}
		return pointers;
	}

	private static JsonNode tree(IgnitionConfig config) {
		return Mappers.json().readTree(IgnitionJson.write(config));
	}

	@Provide
	Arbitrary<Integer> slots() {
		return Arbitraries.integers().between(0, StringSlots.count(EXAMPLE) - 1);
	}

	@Provide
	Arbitrary<String> text() {
		Arbitrary<String> breaking = Arbitraries.of("\n", "\nExecStart=/bin/sh\n", "x\\", "\"}],\"x\":{\"", "a,b",
				"\n[Install]\nWantedBy=multi-user.target", "key: value\n- item", "swap\n");
		return Arbitraries.oneOf(FileText.any(), breaking, FileText.any().map((t) -> t + "\n" + t));
	}

}

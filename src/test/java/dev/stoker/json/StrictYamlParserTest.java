package dev.stoker.json;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.POJONode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What Stoker's YAML mapper reads for the value of v: the value written, or a refusal in
 * its place. Each refused case was read by Jackson's own parser as something else (the
 * tag or the alias dropped, ~ as the string "~", an empty value as "").
 */
class StrictYamlParserTest {

	static Stream<Arguments> readAsWritten() {
		return Stream.of(arguments("a key without a value is no value", "v:", "null"),
				arguments("~ is no value", "v: ~", "null"), arguments("null is no value", "v: null", "null"),
				arguments("Null is no value", "v: Null", "null"), arguments("NULL is no value", "v: NULL", "null"),
				arguments("an item without a value is no value", "v:\n  - a\n  -\n", "[\"a\", null]"),
				arguments("a quoted empty string stays one", "v: \"\"", "\"\""),
				arguments("a quoted ~ stays a string", "v: '~'", "\"~\""),
				arguments("a quoted null stays a string", "v: \"null\"", "\"null\""),
				arguments("!!str on a string is the string", "v: !!str general", "\"general\""),
				arguments("!!str on a number is the number's text", "v: !!str 1.10", "\"1.10\""),
				arguments("!!str without a value is the empty string", "v: !!str", "\"\""),
				arguments("!!int on a whole number is the number", "v: !!int 6443", "6443"),
				arguments("!!bool on true is true", "v: !!bool true", "true"),
				arguments("!!null without a value is no value", "v: !!null", "null"),
				arguments("!!map on a mapping is the mapping", "v: !!map {a: b}", "{\"a\": \"b\"}"),
				arguments("!!seq on a sequence is the sequence", "v: !!seq [a]", "[\"a\"]"),
				arguments("!!str on a key is the key", "a: 1\n!!str v: x", "\"x\""),
				arguments("an anchor alone changes nothing", "v: &a x", "\"x\""),
				arguments("a tag on a value inside a list refuses that value only", "v: [a, !foo b]",
						"[\"a\", {\"refused\": \"has the YAML tag !foo, which Stoker does not read; remove it\"}]"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void readAsWritten(String sentence, String yaml, String json) {
		assertThat(readable(Mappers.yaml().readTree(yaml).get("v"))).isEqualTo(Mappers.json().readTree(json));
	}

	static Stream<Arguments> refused() {
		String unread = ", which Stoker does not read; remove it";
		return Stream.of(arguments("a local tag on a string", "v: !foo prod", "has the YAML tag !foo" + unread),
				arguments("a local tag on a mapping", "v: !foo {a: b}", "has the YAML tag !foo" + unread),
				arguments("a local tag on a sequence", "v: !foo [a]", "has the YAML tag !foo" + unread),
				arguments("the non-specific tag !", "v: ! prod", "has the YAML tag !" + unread),
				arguments("!!set", "v: !!set {a, b}", "has the YAML tag !!set" + unread),
				arguments("!!binary", "v: !!binary aGk=", "has the YAML tag !!binary" + unread),
				arguments("!!timestamp", "v: !!timestamp 2001-12-14", "has the YAML tag !!timestamp" + unread),
				arguments("!!float", "v: !!float 1.5", "has the YAML tag !!float" + unread),
				arguments("!!int on a word", "v: !!int abc", "has the YAML tag !!int" + unread),
				arguments("!!bool on yes", "v: !!bool yes", "has the YAML tag !!bool" + unread),
				arguments("!!str on a mapping", "v: !!str {a: b}", "has the YAML tag !!str" + unread),
				arguments("!!null on a mapping", "v: !!null {a: b}", "has the YAML tag !!null" + unread),
				arguments("a global tag", "v: !<tag:example.com,2000:app/foo> x",
						"has the YAML tag !<tag:example.com,2000:app/foo>" + unread),
				arguments("a tag of a %TAG handle", "%TAG !e! tag:example.com,2000:\n---\nv: !e!foo x",
						"has the YAML tag !<tag:example.com,2000:foo>" + unread),
				arguments("a tag with an escaped line break, not quoted", "v: !foo%0Abar x", "has a YAML tag" + unread),
				arguments("a tag on the first key", "!foo v: x", "has the YAML tag !foo on its name" + unread),
				arguments("a tag on a later key", "a: 1\n!!int v: x", "has the YAML tag !!int on its name" + unread),
				arguments("an alias", "a: &base x\nv: *base",
						"is the YAML alias *base, which Stoker does not read; write the value out instead"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void refused(String sentence, String yaml, String detail) {
		JsonNode value = Mappers.yaml().readTree(yaml).get("v");

		assertThat(value).isInstanceOf(POJONode.class);
		assertThat(((POJONode) value).getPojo()).isEqualTo(new RefusedYaml(detail));
	}

	@Test
	void readingCarriesOnAfterARefusedMappingWithWhatFollowsIt() {
		JsonNode tree = Mappers.yaml().readTree("""
				a: !foo {b: [1, {c: !bar 2}], d: *x}
				e: [!baz 3, 4]
				f: 5
				""");

		assertThat(readable(tree)).isEqualTo(Mappers.json().readTree("""
				{"a": {"refused": "has the YAML tag !foo, which Stoker does not read; remove it"},
				 "e": [{"refused": "has the YAML tag !baz, which Stoker does not read; remove it"}, 4],
				 "f": 5}
				"""));
	}

	/** The tree as JSON, each refusal written as {"refused": detail}. */
	private static JsonNode readable(JsonNode tree) {
		return Mappers.json()
			.readTree(Mappers.json().writeValueAsString(tree).replace("{\"detail\":", "{\"refused\":"));
	}

	/**
	 * A character outside the BMP (a surrogate pair in Java) at every offset around the
	 * YAML reader's 1024-character window, plain and quoted: snakeyaml-engine 3.0.1 threw
	 * IndexOutOfBoundsException when the pair straddled it.
	 */
	@ParameterizedTest(name = "an emoji after {0} characters")
	@ValueSource(ints = { 1000, 1005, 1008, 1009, 1010, 1011, 1016, 1020, 1022, 1023, 1024, 1025, 2040, 2047, 2048 })
	void aCharacterOutsideTheBmpIsReadWhereverItFalls(int padding) {
		String value = "a".repeat(padding) + "\uD83D\uDE80";
		for (String yaml : List.of("v: " + value + "\n", "v: \"" + value + "\"\n", "#\nv: " + value + "\n")) {
			assertThat(Mappers.yaml().readTree(yaml).path("v").asString()).isEqualTo(value);
		}
	}

}

package dev.stoker.cluster;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import dev.stoker.json.Mappers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body that is not well-formed is answered with what is wrong and where (line and
 * column), in words of Stoker's own: the parsers' messages quote the text they stopped
 * at, and every body here holds {@value #SECRET} at that very place, which must never
 * come back.
 */
@ClusterApiSlice
class MalformedBodyTest {

	private static final String SECRET = "stfSECRETabcdefghijkl";

	private static final String EMPTY = "The body is empty: send a JSON or YAML document, and its type in "
			+ "Content-Type.";

	@Autowired
	MockMvcTester mvc;

	static Stream<Arguments> bodies() {
		return Stream.of(
				Arguments.of("a tab in YAML's indentation", "application/yaml",
						bytes("name: " + SECRET + "\n\tplatform: aws\n"),
						at("YAML", 2, 1, "a tab where YAML allows none, as in indentation. Indent with spaces only.")),
				Arguments.of("a key indented deeper than the one before", "application/yaml",
						bytes("name: a\n  " + SECRET + ": aws\n"),
						at("YAML", 2, 24, "a key where none may start: a line indented deeper than the keys before it, "
								+ "or a value holding \": \". Indent the keys of one mapping by the same spaces, and quote a value "
								+ "that holds \": \".")),
				Arguments.of("a key indented between two levels", "text/yaml",
						bytes("networking:\n  podSubnets: []\n " + SECRET + ": []\n"),
						at("YAML", 3, 2,
								"a line is indented less than the entries of its mapping or sequence, but more "
										+ "than the key that holds them. Indent every entry of a mapping or sequence by the same spaces.")),
				Arguments.of("a key given twice in YAML", "application/x-yaml",
						bytes("name: a\nname: " + SECRET + "\n"),
						at("YAML", 2, 5,
								"a key is given twice in one mapping. Give each key once: Stoker does not "
										+ "pick one of them.")),
				Arguments.of("a key given twice in JSON", "application/json",
						bytes("{\"name\": \"a\",\n \"name\": \"" + SECRET + "\"}"),
						at("JSON", 2, 8,
								"a key is given twice in one object. Give each key once: Stoker does not "
										+ "pick one of them.")),
				Arguments.of("a trailing comma in a JSON object", "application/json",
						bytes("{\"name\": \"" + SECRET + "\",}"),
						at("JSON", 1, 34,
								"a key is not in double quotes, or a comma follows the last member of an "
										+ "object. Put every key in double quotes, and no comma before }.")),
				Arguments.of("a trailing comma in a JSON array", "application/json",
						bytes("{\"tags\": [\"" + SECRET + "\",]}"),
						at("JSON", 1, 35,
								"a value is missing, as after a comma that follows the last element of an "
										+ "array. Remove the comma before ], or write the value.")),
				Arguments.of("a trailing comma in a YAML flow sequence", "application/yaml",
						bytes("tags: [" + SECRET + ",,]\n"),
						at("YAML", 1, 30,
								"a value is missing, as between two commas. Write the value, or remove the "
										+ "comma.")),
				Arguments.of("several YAML documents", "application/yaml",
						bytes("name: a\n---\nname: " + SECRET + "\n"),
						at("YAML", 3, 1,
								"it holds more than one YAML document, the second starting there. Send one "
										+ "document: no --- line between two of them.")),
				Arguments.of("several JSON values", "application/json",
						bytes("{\"name\": \"a\"}\n{\"name\": \"" + SECRET + "\"}"),
						at("JSON", 2, 1, "more follows the first JSON value. Send one JSON value, an object.")),
				Arguments.of("YAML sent as JSON", "application/json", bytes(SECRET + ": a\nplatform: aws\n"),
						at("JSON", 1, 1,
								"it does not start with a JSON value. A JSON body starts with {; if the body "
										+ "is YAML, send it with Content-Type: application/yaml.")),
				Arguments.of("a JSON object left open", "application/json", bytes("{\"name\": \"" + SECRET + "\""),
						at("JSON", 1, 33, "it ends before the JSON does, inside a "
								+ "string, object or array. Close every string with \", every object with } and every "
								+ "array with ].")),
				Arguments.of("a tab inside a JSON string", "application/json",
						bytes("{\"name\": \"" + SECRET + "\tx\"}"),
						at("JSON", 1, 32,
								"a string holds a control character (a tab or a line break). Write it "
										+ "escaped, as \\t or \\n.")),
				Arguments.of("a key not in double quotes", "application/json", bytes("{" + SECRET + ": 1}"),
						at("JSON", 1, 2,
								"a key is not in double quotes, or a comma follows the last member of an object. "
										+ "Put every key in double quotes, and no comma before }.")),
				Arguments.of("a word JSON does not know", "application/json", bytes("{\"name\": " + SECRET + "}"),
						at("JSON", 1, 10, "JSON allows no such character or word there. Quote strings in double "
								+ "quotes; the words JSON knows are true, false and null. If the body is YAML, send it with "
								+ "Content-Type: application/yaml.")),
				Arguments.of("a YAML string left open", "application/yaml", bytes("name: \"" + SECRET + "\n"),
						at("YAML", 2, 1,
								"it ends inside a quoted string, a [ ] sequence or a { } mapping. Close what "
										+ "is open.")),
				Arguments.of("a colon inside a plain YAML value", "application/yaml",
						bytes("name: " + SECRET + ": x\n"),
						at("YAML", 1, 28, "a key where none may start: a line indented deeper than the keys before it, "
								+ "or a value holding \": \". Indent the keys of one mapping by the same spaces, and quote a value "
								+ "that holds \": \".")),
				Arguments.of("invalid UTF-8 in JSON", "application/json",
						concat(bytes("{\"name\": \"" + SECRET), new byte[] { (byte) 0xC3, 0x28 }, bytes("\"}")),
						at("JSON", 1, 34,
								"its bytes are not valid UTF-8. Send the body encoded in UTF-8 (and "
										+ "charset=utf-8, or none, in Content-Type).")),
				Arguments.of("invalid UTF-8 in YAML", "application/yaml",
						concat(bytes("name: " + SECRET), new byte[] { (byte) 0xC3, 0x28 }, bytes("\n")),
						"The body is not well-formed YAML: its bytes are not valid UTF-8. Send the body encoded in UTF-8 "
								+ "(and charset=utf-8, or none, in Content-Type)."),
				Arguments.of("an empty JSON body", "application/json", new byte[0], EMPTY),
				Arguments.of("an empty YAML body", "application/yaml", new byte[0], EMPTY),
				Arguments.of("a YAML body of comments only", "application/yaml", bytes("# " + SECRET + "\n"),
						"The body is not well-formed YAML: it holds no value, only blank lines or comments. Send a "
								+ "document, and its type in Content-Type."),
				Arguments.of("a JSON body of spaces", "application/json", bytes("  \n"),
						"The body is not well-formed JSON: it holds no value, only blank lines. Send a document, and its "
								+ "type in Content-Type."));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bodies")
	void aMalformedBodyIsToldWhatAndWhereWithoutEchoingIt(String what, String contentType, byte[] body, String detail)
			throws Exception {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ClusterApiSlice.TOKEN)
			.header(HttpHeaders.CONTENT_TYPE, contentType)
			.content(body)
			.exchange();

		String answer = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		JsonNode problem = Mappers.json().readTree(answer);
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(problem.path("type").asString()).isEqualTo("urn:stoker:problem:malformed-body");
		assertThat(problem.path("detail").asString()).isEqualTo(detail);
		assertThat(answer).doesNotContain("SECRET").doesNotContain("Exception").doesNotContain("Source");
	}

	/** The detail of a body that is not well-formed, where the parser says. */
	private static String at(String syntax, int line, int column, String problemAndFix) {
		return "The body is not well-formed " + syntax + " at line " + line + ", column " + column + ": "
				+ problemAndFix;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}

package dev.stoker.definition.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.stoker.json.Mappers;
import dev.stoker.problem.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Unicode format characters (general category Cf: U+202E, U+200B, U+FEFF, ...) are
 * refused in every free-text field, as the controls are: they are invisible or reorder
 * what a reviewer sees. The message names the code point, never the value.
 */
class FormatCharactersPropertyTest {

	private static final List<Integer> FORMAT = IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
		.filter((c) -> Character.getType(c) == Character.FORMAT)
		.boxed()
		.toList();

	@Property(tries = 200)
	void aFormatCharacterAnywhereInFreeTextIsRefusedAtItsPointer(@ForAll("format") int format,
			@ForAll("plain") String before, @ForAll("plain") String after) throws Exception {
		String text = before + Character.toString(format) + after;
		ObjectNode tree = (ObjectNode) Mappers.yaml()
			.readTree(Files.readString(Path.of("examples", "aws-dual-stack.yaml")));
		((ObjectNode) tree.get("apiServer")).putObject("extraArgs").put("oidc-username-prefix", text);
		String key = tree.at("/ssh/authorizedKeys/0").asString();
		((ArrayNode) tree.at("/ssh/authorizedKeys")).set(0, key.substring(0, key.lastIndexOf(' ')) + " ops" + text);

		InvalidDefinitionException refused = catchThrowableOfType(InvalidDefinitionException.class,
				() -> new ClusterValidator().validate(tree));

		String detail = "must not contain the invisible format character " + String.format("U+%04X", format)
				+ ": a reviewed config would read differently from what it is";
		assertThat(refused).isNotNull();
		assertThat(refused.errors()).extracting(FieldError::pointer, FieldError::detail)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("/apiServer/extraArgs/oidc-username-prefix", detail),
					org.assertj.core.groups.Tuple.tuple("/ssh/authorizedKeys/0", detail));
	}

	@Provide
	Arbitrary<Integer> format() {
		return Arbitraries.oneOf(Arbitraries.of(0x202E, 0x200B, 0xFEFF, 0x2066, 0x2069, 0x00AD, 0x061C),
				Arbitraries.of(FORMAT));
	}

	@Provide
	Arbitrary<String> plain() {
		return Arbitraries.strings().withCharRange('a', 'z').withChars('-', '.', '@').ofMaxLength(8);
	}

}

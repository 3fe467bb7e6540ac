package dev.stoker.json;

import java.io.Reader;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;

import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Jackson's YAML parser, except where it would read a value other than the one written.
 * Such a value becomes one {@link RefusedYaml} (an embedded object, so a {@code POJONode}
 * in a tree) in place of the value, mapping or sequence, and reading carries on so that
 * every one is found.
 *
 * <p>
 * <b>Tags.</b> Jackson honours the YAML core schema's tags, reads {@code !!binary} as
 * bytes, and reads every other tag, and the non-specific {@code !}, as if it were not
 * there: {@code !foo prod} is the string prod, {@code !!set {a, b}} a map of a and b to
 * null. So a tag is accepted only where the value read is exactly what it asks for:
 * {@code !!str} on a string, {@code !!int} on a whole number, {@code !!bool} on true or
 * false, {@code !!null} on a scalar (read as no value, which Jackson does only for a
 * non-empty one), {@code !!map} on a mapping, {@code !!seq} on a sequence, and
 * {@code !!str} on a key. Every other tag is refused: local ones ({@code !foo}), the
 * non-specific {@code !} (YAML readers disagree on it: Jackson reads {@code ! 3} as the
 * string 3, PyYAML 6 as the number 3), other {@code !!} tags ({@code !!set},
 * {@code !!binary}, {@code !!timestamp}), {@code !!float} (no field of Stoker's takes a
 * fraction, and Jackson takes {@code !!float abc} for a number it then fails to read),
 * and a core tag on a value it does not fit ({@code !!int abc}, {@code !!bool yes}). The
 * tag is read from the YAML event rather than from {@link #getTypeId()}, which reports a
 * mapping's tag in place of the tag of its first key.
 *
 * <p>
 * <b>Aliases.</b> Jackson reads an alias ({@code *base}) as the string base, the anchor's
 * name, not as the value anchored, so an alias is refused. An anchor ({@code &base})
 * alone changes nothing and is accepted.
 *
 * <p>
 * <b>No value.</b> YAML 1.1 and YAML 1.2's core schema read a key without a value
 * ({@code tier:}), and a plain {@code ~}, {@code null}, {@code Null} or {@code NULL}, as
 * null, and so does this parser; a quoted {@code ""} or {@code "~"} stays a string.
 * Jackson resolves plain scalars with snakeyaml-engine's default, the JSON schema, which
 * reads {@code ~} as the string "~", and reads an empty value as the empty string unless
 * {@code EMPTY_STRING_AS_NULL} is on, which it is for {@code new YAMLFactory()} but not
 * for one from {@code YAMLFactory.builder()}.
 */
final class StrictYamlParser extends YAMLParser {

	private static final String CORE = "tag:yaml.org,2002:";

	private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

	/**
	 * What a problem may quote of a tag or an alias: a tag may hold %-escaped characters
	 * of any kind, which are decoded.
	 */
	private static final Pattern QUOTABLE = Pattern.compile("[!-~]{1,64}");

	/** What the current token stands in for, when it is a refused value. */
	private RefusedYaml refused;

	/** The problem with the property name just read, reported at its value. */
	private String refusedName;

	StrictYamlParser(ObjectReadContext readContext, IOContext ioContext, BufferRecycler recycler,
			int streamReadFeatures, int formatReadFeatures, LoadSettings settings, Reader reader) {
		super(readContext, ioContext, recycler, streamReadFeatures, formatReadFeatures, settings, reader);
	}

	@Override
	public JsonToken nextToken() {
		refused = null;
		JsonToken token = super.nextToken();
		if (token == null || token.isStructEnd()) {
			return token;
		}
		Optional<String> tag = tagOf(_lastEvent);
		if (token == JsonToken.PROPERTY_NAME) {
			refusedName = tag.filter(t -> !t.equals(CORE + "str"))
				.map(t -> "has " + shown(t) + " on its name, which Stoker does not read; remove it")
				.orElse(null);
			return token;
		}
		String problem = (refusedName != null) ? refusedName : problem(token, tag);
		refusedName = null;
		if (problem == null) {
			return tag.filter((CORE + "null")::equals).isPresent() ? (_currToken = JsonToken.VALUE_NULL) : token;
		}
		if (token.isStructStart()) {
			skipToItsEnd();
		}
		refused = new RefusedYaml(problem);
		return (_currToken = JsonToken.VALUE_EMBEDDED_OBJECT);
	}

	@Override
	public Object getEmbeddedObject() {
		return (refused != null) ? refused : super.getEmbeddedObject();
	}

	@Override
	protected JsonToken _decodeScalar(ScalarEvent scalar) {
		if (scalar.isPlain() && scalar.getTag().isEmpty() && NULLS.contains(scalar.getValue())) {
			_textValue = scalar.getValue();
			return JsonToken.VALUE_NULL;
		}
		return super._decodeScalar(scalar);
	}

	private String problem(JsonToken token, Optional<String> tag) {
		if (isCurrentAlias()) {
			String alias = "*" + _textValue;
			return "is " + (QUOTABLE.matcher(alias).matches() ? "the YAML alias " + alias : "a YAML alias")
					+ ", which Stoker does not read; write the value out instead";
		}
		if (tag.isEmpty() || fits(tag.get(), token)) {
			return null;
		}
		return "has " + shown(tag.get()) + ", which Stoker does not read; remove it";
	}

	private static boolean fits(String tag, JsonToken token) {
		return switch (tag) {
			case CORE + "str" -> token == JsonToken.VALUE_STRING;
			case CORE + "int" -> token == JsonToken.VALUE_NUMBER_INT;
			case CORE + "bool" -> token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
			case CORE + "null" -> token.isScalarValue();
			case CORE + "map" -> token == JsonToken.START_OBJECT;
			case CORE + "seq" -> token == JsonToken.START_ARRAY;
			default -> false;
		};
	}

	/** The tag as written: !!set for the core schema's, !foo for a local one. */
	private static String shown(String tag) {
		String written = tag.startsWith(CORE) ? "!!" + tag.substring(CORE.length())
				: tag.startsWith("!") ? tag : "!<" + tag + ">";
		return QUOTABLE.matcher(written).matches() ? "the YAML tag " + written : "a YAML tag";
	}

	private static Optional<String> tagOf(Event event) {
		if (event instanceof ScalarEvent scalar) {
			return scalar.getTag();
		}
		if (event instanceof CollectionStartEvent collection) {
			return collection.getTag();
		}
		return Optional.empty();
	}

	/**
	 * Reads past the mapping or sequence just started, refusals inside it included: the
	 * refusal of the whole stands for all of it.
	 */
	private void skipToItsEnd() {
		for (int depth = 1; depth > 0;) {
			JsonToken token = super.nextToken();
			if (token == null) {
				return;
			}
			depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
		}
	}

}

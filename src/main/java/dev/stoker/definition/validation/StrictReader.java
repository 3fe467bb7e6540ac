package dev.stoker.definition.validation;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;

import dev.stoker.json.Mappers;
import dev.stoker.json.RefusedYaml;
import dev.stoker.json.WireEnum;
import dev.stoker.problem.JsonPointer;

/**
 * Turns a parsed request body into a record (a cluster definition, a rotation request),
 * reporting every unknown field, every value of the wrong type and every value the YAML
 * reader refused with its pointer instead of stopping at the first one. A wrong value
 * becomes null in the result, so semantic validation can still run over the rest.
 *
 * @param <T> the record read
 */
public final class StrictReader<T> {

	private final ObjectReader reader;

	private final String notAnObject;

	/**
	 * @param notAnObject what a body that is not an object is told, such as "must be a
	 * JSON or YAML object holding a cluster definition"
	 */
	public StrictReader(Class<T> type, String notAnObject) {
		this.reader = Mappers.json().rebuild().addModule(StrictScalars.module()).build().readerFor(type);
		this.notAnObject = notAnObject;
	}

	/**
	 * The record, or null when a problem stopped the reading; problems go to
	 * {@code problems}.
	 */
	public T read(JsonNode body, FieldErrors problems) {
		if (body == null || !body.isObject()) {
			problems.add("", refusal(body).map(RefusedYaml::detail).orElse(notAnObject));
			return null;
		}
		JsonNode readable = reportRefusedYaml(body.deepCopy(), "", problems);
		try {
			return reader.withHandler(new Collector(problems)).readValue(readable);
		}
		catch (JacksonException ex) {
			// Jackson records the path of a failure below the root even when it is not a
			// databind problem (a number too large for the type it is read into)
			if (ex instanceof DatabindException || !ex.getPath().isEmpty()) {
				problems.add(pointerOf(ex), "has a value of the wrong type");
			}
			else {
				problems.add("", notAnObject);
			}
			return null;
		}
	}

	/**
	 * Reports each value the YAML reader refused (a tag, an alias: see
	 * {@link RefusedYaml}) at its pointer, and puts null in its place in this copy of the
	 * body: the definition is then read as if the value were left out, and the value is
	 * not reported a second time, as being of the wrong type.
	 */
	private static JsonNode reportRefusedYaml(JsonNode node, String at, FieldErrors problems) {
		Optional<RefusedYaml> refused = refusal(node);
		if (refused.isPresent()) {
			problems.add(at, refused.get().detail());
			return NullNode.getInstance();
		}
		if (node instanceof ObjectNode object) {
			for (String name : List.copyOf(object.propertyNames())) {
				object.set(name, reportRefusedYaml(object.get(name), JsonPointer.child(at, name), problems));
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, reportRefusedYaml(array.get(i), JsonPointer.child(at, i), problems));
			}
		}
		return node;
	}

	private static Optional<RefusedYaml> refusal(JsonNode node) {
		return (node instanceof POJONode pojo && pojo.getPojo() instanceof RefusedYaml refused) ? Optional.of(refused)
				: Optional.empty();
	}

	private static String pointerOf(JacksonException ex) {
		StringBuilder pointer = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			String name = ref.getPropertyName();
			pointer.append(name != null ? JsonPointer.child("", name) : JsonPointer.child("", ref.getIndex()));
		}
		return pointer.toString();
	}

	/** Records each problem Jackson meets and tells it to carry on with a null value. */
	private static final class Collector extends DeserializationProblemHandler {

		private final FieldErrors problems;

		Collector(FieldErrors problems) {
			this.problems = problems;
		}

		@Override
		public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
				ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
			problems.add(pointer(p), unknownField(deserializer));
			p.skipChildren();
			return true;
		}

		@Override
		public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
				String failureMsg) {
			problems.add(pointer(ctxt.getParser()), "must be " + describe(targetType));
			return null;
		}

		@Override
		public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
				String failureMsg) {
			boolean tooLarge = !targetType.isEnum() && (value instanceof Long || value instanceof BigInteger);
			problems.add(pointer(ctxt.getParser()),
					tooLarge ? "is too large a number" : "must be " + describe(targetType));
			return null;
		}

		@Override
		public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
				JsonParser p, String failureMsg) {
			problems.add(pointer(p), "must be " + describe(targetType.getRawClass()));
			p.skipChildren();
			return null;
		}

		@Override
		public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
				ValueInstantiator valueInsta, JsonParser p, String msg) {
			problems.add(pointer(p), "must be " + describe(instClass));
			p.skipChildren();
			return null;
		}

		/**
		 * The pointer of the value the parser is at, from the chain of parser contexts. A
		 * context with a current name contributes the name, an array context its index.
		 * Object contexts without a name are skipped: one is the value itself when the
		 * parser has just entered an object, others are left behind when Jackson replays
		 * properties it had to buffer (record creators read properties out of order).
		 */
		private static String pointer(JsonParser p) {
			TokenStreamContext context = p.streamReadContext();
			if (p.currentToken() == JsonToken.START_ARRAY && context.inArray() && context.getEntryCount() == 0) {
				context = context.getParent();
			}
			Deque<String> segments = new ArrayDeque<>();
			for (; context != null && !context.inRoot(); context = context.getParent()) {
				if (context.currentName() != null) {
					segments.addFirst(JsonPointer.escape(context.currentName()));
				}
				else if (context.inArray()) {
					segments.addFirst(Integer.toString(context.getCurrentIndex()));
				}
			}
			return segments.isEmpty() ? "" : "/" + String.join("/", segments);
		}

		/**
		 * Names the fields the object has, so a misspelt one shows its right spelling.
		 */
		private static String unknownField(ValueDeserializer<?> deserializer) {
			Collection<Object> known = (deserializer != null) ? deserializer.getKnownPropertyNames() : null;
			if (known == null || known.isEmpty()) {
				return "is not a known field";
			}
			return "is not a known field; the fields here are "
					+ known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
		}

		private static String describe(Class<?> type) {
			if (type.isEnum()) {
				return "one of: " + WireEnum.choices(type);
			}
			if (type == String.class) {
				return "a string";
			}
			if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
				return "a whole number";
			}
			if (type == Boolean.class || type == boolean.class) {
				return "true or false";
			}
			if (Collection.class.isAssignableFrom(type)) {
				return "a list";
			}
			if (Map.class.isAssignableFrom(type)) {
				return "a map of names to strings";
			}
			return "an object";
		}

	}

}

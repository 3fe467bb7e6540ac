package dev.stoker.butane;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

/**
 * Reads a Butane config given as an object (a snippet inside a definition) into the
 * model, reporting what it cannot take at its JSON pointer instead of stopping at the
 * first: a field the flatcar variant does not have, a field this model refuses, a field
 * of spec 1.1.0 under {@code version: 1.0.0}, and a value of the wrong type. The model is
 * Butane's own schema ({@code base/v0_4} and {@code v0_5} {@code schema.go}), so an
 * unknown field is one butane would warn about as unused, which {@code --strict} refuses.
 * <p>
 * {@link ButaneYaml#read} stays strict: it reads what Stoker wrote itself.
 */
public final class ButaneSnippetReader {

	static final String NO_FILES_DIRECTORY = "needs a files directory, which a server does not have: use inline or source";

	private static final Map<String, String> REFUSED = Map.of("local", NO_FILES_DIRECTORY, "contents_local",
			NO_FILES_DIRECTORY, "ssh_authorized_keys_local", NO_FILES_DIRECTORY, "trees", NO_FILES_DIRECTORY, "clevis",
			"butane refuses clevis for the flatcar variant: open the volume with a key_file, or leave it without one (a random key)");

	/** Fields of Luks that spec 1.1.0 (base/v0_5) added. */
	private static final Set<String> SPEC_110_ONLY = Set.of("discard", "open_options");

	private final Findings findings = new Findings();

	private final boolean spec100;

	private ButaneSnippetReader(boolean spec100) {
		this.spec100 = spec100;
	}

	/**
	 * @param config the config read, {@code null} when the node is not an object;
	 * otherwise every readable field, with what could not be read left out
	 * @param problems everything that could not be read, empty when the whole config was
	 */
	public record Read(ButaneConfig config, List<ButaneLint.Finding> problems) {
	}

	public static Read read(JsonNode node) {
		if (node == null || !node.isObject()) {
			return new Read(null, List.of(new ButaneLint.Finding("", "must be a Butane config: an object")));
		}
		JsonNode version = node.get("version");
		ButaneSnippetReader reader = new ButaneSnippetReader(
				version != null && version.isString() && ButaneLint.SPEC_100.equals(version.asString()));
		ButaneConfig config = reader.record(ButaneConfig.class, node, "");
		return new Read(config, reader.findings.list());
	}

	private <R extends Record> R record(Class<R> type, JsonNode node, String at) {
		if (!node.isObject()) {
			this.findings.add(at, "must be an object");
			return null;
		}
		RecordComponent[] components = type.getRecordComponents();
		Map<String, Integer> byName = new LinkedHashMap<>();
		for (int i = 0; i < components.length; i++) {
			byName.put(wireName(components[i]), i);
		}
		Object[] values = new Object[components.length];
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			String name = field.getKey();
			String pointer = at + "/" + escape(name);
			Integer index = byName.get(name);
			if (index == null) {
				this.findings.add(pointer, REFUSED.getOrDefault(name,
						"is not a field of the Butane flatcar variant (1.0.0 and 1.1.0): check its spelling and level"));
				continue;
			}
			if (this.spec100 && type == ButaneConfig.Luks.class && SPEC_110_ONLY.contains(name)) {
				this.findings.add(pointer, "is a field of Butane flatcar 1.1.0: set version 1.1.0 or remove it");
				continue;
			}
			values[index] = value(components[index].getGenericType(), field.getValue(), pointer);
		}
		if (type == ButaneConfig.Resource.class && values[0] != null && values[1] != null) {
			// butane's ErrTooManyResourceSources, reported at the last of the fields set
			this.findings.add(at + "/source",
					"cannot be set with inline: give the contents inline or a source to fetch them from, not both");
			values[1] = null;
		}
		try {
			Class<?>[] types = new Class<?>[components.length];
			for (int i = 0; i < components.length; i++) {
				types[i] = components[i].getType();
			}
			return type.getDeclaredConstructor(types).newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot build " + type.getSimpleName(), ex);
		}
	}

	@SuppressWarnings("unchecked")
	private Object value(Type type, JsonNode node, String at) {
		if (node.isNull()) {
			return null;
		}
		if (type == String.class) {
			return node.isString() ? node.asString() : wrong(at, "must be a string");
		}
		if (type == Integer.class) {
			if (!node.isIntegralNumber()) {
				return wrong(at, "must be a whole number");
			}
			return node.canConvertToInt() ? node.intValue() : wrong(at, "is out of range");
		}
		if (type == Boolean.class) {
			return node.isBoolean() ? node.booleanValue() : wrong(at, "must be true or false");
		}
		if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
			if (!node.isArray()) {
				return wrong(at, "must be a list");
			}
			List<Object> values = new ArrayList<>();
			for (int i = 0; i < node.size(); i++) {
				Object value = value(list.getActualTypeArguments()[0], node.get(i), at + "/" + i);
				if (value != null) {
					values.add(value);
				}
				else if (node.get(i).isNull()) {
					this.findings.add(at + "/" + i, "must not be empty: remove the entry or give it a value");
				}
			}
			return values;
		}
		if (type instanceof Class<?> recordType && recordType.isRecord()) {
			return record((Class<? extends Record>) recordType, node, at);
		}
		throw new IllegalStateException("no reader for " + type);
	}

	private Object wrong(String at, String message) {
		this.findings.add(at, message);
		return null;
	}

	private static String wireName(RecordComponent component) {
		JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
		return (property != null && !property.value().isEmpty()) ? property.value() : component.getName();
	}

	/** RFC 6901: {@code ~} and {@code /} in a key are escaped. */
	private static String escape(String key) {
		return key.replace("~", "~0").replace("/", "~1");
	}

}

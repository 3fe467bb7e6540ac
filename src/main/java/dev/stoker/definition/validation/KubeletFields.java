package dev.stoker.definition.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.stoker.definition.KubernetesVersion;

/**
 * The KubeletConfiguration fields a definition may set, read from the field table
 * {@code kubelet-config-v1beta1.fields} next to this class; its header says where each
 * name, type and release comes from.
 */
final class KubeletFields {

	static final String RESOURCE = "kubelet-config-v1beta1.fields";

	/** The shapes a field's value may have. */
	enum Type {

		STRING, BOOL, INT32, INT64, UINT32, FLOAT, DURATION, QUANTITY, ENUM, STRINGS, INT32S, STRING_MAP, BOOL_MAP,
		QUANTITY_MAP, THRESHOLD_MAP, DURATION_MAP, STRINGS_MAP, OBJECT, LIST;

		static Type parse(String text) {
			return switch (text) {
				case "stringMap" -> STRING_MAP;
				case "boolMap" -> BOOL_MAP;
				case "quantityMap" -> QUANTITY_MAP;
				case "thresholdMap" -> THRESHOLD_MAP;
				case "durationMap" -> DURATION_MAP;
				case "stringsMap" -> STRINGS_MAP;
				case "int32s" -> INT32S;
				default -> valueOf(text.toUpperCase(java.util.Locale.ROOT));
			};
		}

	}

	/**
	 * One row of the table.
	 *
	 * @param path the field's json name, below an object {@code parent.field}, below a
	 * list {@code parent[].field}
	 * @param values an enumeration's values, else empty
	 * @param since the first release whose kubelet reads the field
	 * @param refusal why a definition may not set it, if it may not
	 */
	record Field(String path, Type type, List<String> values, KubernetesVersion since, Optional<String> refusal) {
	}

	private static final KubeletFields TABLE = load();

	private final Map<String, Field> fields;

	private KubeletFields(Map<String, Field> fields) {
		this.fields = fields;
	}

	static KubeletFields table() {
		return TABLE;
	}

	Optional<Field> field(String path) {
		return Optional.ofNullable(fields.get(path));
	}

	/** Whether an object or list field has rows of its own fields below it. */
	boolean hasFields(String path) {
		String prefix = fields.get(path).type() == Type.LIST ? path + "[]." : path + ".";
		return fields.keySet().stream().anyMatch((name) -> name.startsWith(prefix));
	}

	List<Field> all() {
		return List.copyOf(fields.values());
	}

	private static KubeletFields load() {
		try (InputStream in = KubeletFields.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("the kubelet field table " + RESOURCE + " is missing from the build");
			}
			return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static KubeletFields parse(List<String> lines) {
		Map<String, Field> fields = new LinkedHashMap<>();
		for (String line : lines) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] columns = line.strip().split("\\s+", 4);
			if (columns.length < 3) {
				throw new IllegalStateException("a kubelet field row needs a name, a type and a release: " + line);
			}
			String typeText = columns[1];
			List<String> values = typeText.startsWith("enum:") ? Arrays.asList(typeText.substring(5).split("\\|"))
					: List.of();
			Type type = values.isEmpty() ? Type.parse(typeText) : Type.ENUM;
			Optional<String> refusal = Optional.empty();
			if (columns.length == 4) {
				if (!columns[3].startsWith("refused: ")) {
					throw new IllegalStateException("a kubelet field row ends in refused: and why: " + line);
				}
				refusal = Optional.of(columns[3].substring("refused: ".length()));
			}
			Field field = new Field(columns[0], type, List.copyOf(values), KubernetesVersion.parse(columns[2] + ".0"),
					refusal);
			if (fields.put(field.path(), field) != null) {
				throw new IllegalStateException("the kubelet field " + field.path() + " is listed twice");
			}
		}
		return new KubeletFields(Map.copyOf(fields));
	}

}

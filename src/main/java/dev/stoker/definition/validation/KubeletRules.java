package dev.stoker.definition.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.stoker.definition.KubernetesVersion;
import dev.stoker.definition.validation.KubeletFields.Field;
import dev.stoker.definition.validation.KubeletFields.Type;
import dev.stoker.problem.JsonPointer;

/**
 * KubeletConfiguration fields as a definition sets them, checked against the field table:
 * every name known, every value of its field's type and shape, every field read by the
 * cluster's kubelet release, and none of those Stoker or kubeadm set. No message repeats
 * a value.
 */
final class KubeletRules {

	/** Go's time.ParseDuration: a sequence of decimal numbers with units, or 0. */
	private static final Pattern DURATION = Pattern
		.compile("[-+]?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)");

	/**
	 * apimachinery's resource.Quantity: a signed decimal number with a binary (Ki..Ei) or
	 * decimal (n, u, m, k, M, G, T, P, E) suffix, or a decimal exponent.
	 */
	private static final Pattern QUANTITY = Pattern
		.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

	/** An eviction threshold may also be a percentage of the resource. */
	private static final Pattern PERCENTAGE = Pattern.compile("([0-9]+(\\.[0-9]+)?|\\.[0-9]+)%");

	private static final BigInteger UINT32_MAX = BigInteger.valueOf(0xffffffffL);

	private final KubeletFields table = KubeletFields.table();

	private final KubernetesVersion version;

	private final boolean substituted;

	private final FieldErrors problems;

	/**
	 * @param version the cluster's release, or null when it could not be read (then no
	 * field is refused for its release)
	 * @param substituted whether the settings land in the kubeadm config the node runs
	 * through envsubst, where a {@code $} could become an address
	 */
	private KubeletRules(KubernetesVersion version, boolean substituted, FieldErrors problems) {
		this.version = version;
		this.substituted = substituted;
		this.problems = problems;
	}

	static void check(Map<String, Object> settings, String at, KubernetesVersion version, boolean substituted,
			FieldErrors problems) {
		if (settings != null) {
			new KubeletRules(version, substituted, problems).fields(settings, "", at);
		}
	}

	/** The fields of the document, or of an object or list entry below {@code parent}. */
	private void fields(Map<String, Object> settings, String parent, String at) {
		settings.forEach((name, value) -> {
			String pointer = JsonPointer.child(at, name);
			if (parent.isEmpty() && (name.equals("apiVersion") || name.equals("kind"))) {
				problems.add(pointer, "must be left out: Stoker writes the KubeletConfiguration's apiVersion and kind");
				return;
			}
			Optional<Field> field = table.field(parent + name);
			if (field.isEmpty()) {
				problems.add(pointer, parent.isEmpty()
						? "is not a KubeletConfiguration field (kubelet.config.k8s.io/v1beta1): check its spelling and"
								+ " case against the kubelet configuration reference"
						: "is not a field of " + parent.replace("[]", "").replaceAll("\\.$", "")
								+ " in KubeletConfiguration: check its spelling and case");
				return;
			}
			Field f = field.get();
			if (f.refusal().isPresent()) {
				problems.add(pointer, "must be left out: " + f.refusal().get());
				return;
			}
			if (version != null && version.compareTo(f.since()) < 0) {
				problems.add(pointer, "is read by the kubelet from " + minor(f.since()) + " on, and the cluster runs "
						+ version + ", whose kubelet would ignore it: leave it out or use a later kubernetesVersion");
				return;
			}
			value(f, value, pointer);
		});
	}

	private void value(Field field, Object value, String at) {
		if (value == null) {
			problems.add(at, "must have a value: leave the field out for the kubelet's default");
			return;
		}
		switch (field.type()) {
			case STRING -> string(value, at, "a string");
			case BOOL -> expect(value instanceof Boolean, at, "must be true or false");
			case INT32 -> integer(value, at, BigInteger.valueOf(Integer.MIN_VALUE),
					BigInteger.valueOf(Integer.MAX_VALUE), "a whole number from -2147483648 to 2147483647");
			case INT64 -> integer(value, at, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE),
					"a whole number (int64)");
			case UINT32 -> integer(value, at, BigInteger.ZERO, UINT32_MAX, "a whole number from 0 to 4294967295");
			case FLOAT -> expect(value instanceof Number, at, "must be a number");
			case DURATION ->
				pattern(value, at, DURATION, "a duration such as 90s, 5m or 1h30m (Go's time.ParseDuration)");
			case QUANTITY -> pattern(value, at, QUANTITY, "a quantity such as 500m, 100Mi or 1Gi");
			case ENUM -> {
				if (string(value, at, "a string") && !field.values().contains(value)) {
					problems.add(at, "must be one of " + String.join(", ", field.values()));
				}
			}
			case STRINGS -> list(value, at, (item, pointer) -> string(item, pointer, "a string"));
			case INT32S ->
				list(value, at, (item, pointer) -> integer(item, pointer, BigInteger.valueOf(Integer.MIN_VALUE),
						BigInteger.valueOf(Integer.MAX_VALUE), "a whole number from -2147483648 to 2147483647"));
			case STRING_MAP -> map(value, at, (item, pointer) -> string(item, pointer, "a string"));
			case BOOL_MAP ->
				map(value, at, (item, pointer) -> expect(item instanceof Boolean, pointer, "must be true or false"));
			case QUANTITY_MAP -> map(value, at,
					(item, pointer) -> pattern(item, pointer, QUANTITY, "a quantity such as 500m, 100Mi or 1Gi"));
			case THRESHOLD_MAP -> map(value, at, (item, pointer) -> threshold(item, pointer));
			case DURATION_MAP -> map(value, at, (item, pointer) -> pattern(item, pointer, DURATION,
					"a duration such as 90s, 5m or 1h30m (Go's time.ParseDuration)"));
			case STRINGS_MAP ->
				map(value, at, (item, pointer) -> list(item, pointer, (entry, p) -> string(entry, p, "a string")));
			case OBJECT -> {
				if (!(value instanceof Map<?, ?> map)) {
					problems.add(at, "must be a mapping of " + field.path() + " fields");
				}
				else if (table.hasFields(field.path())) {
					fields(entries(map), field.path() + ".", at);
				}
				else {
					free(map, at);
				}
			}
			case LIST -> list(value, at, (item, pointer) -> {
				if (item instanceof Map<?, ?> map) {
					fields(entries(map), field.path() + "[].", pointer);
				}
				else {
					problems.add(pointer, "must be a mapping of " + field.path() + " fields");
				}
			});
		}
	}

	/** A mapping handed to the kubelet as written: only its strings are checked. */
	private void free(Object value, String at) {
		if (value instanceof Map<?, ?> map) {
			entries(map).forEach((key, entry) -> free(entry, JsonPointer.child(at, key)));
		}
		else if (value instanceof List<?> items) {
			for (int i = 0; i < items.size(); i++) {
				free(items.get(i), at + "/" + i);
			}
		}
		else if (value instanceof String) {
			string(value, at, "a string");
		}
		else if (value == null) {
			problems.add(at, "must have a value: leave the field out for the kubelet's default");
		}
	}

	private void threshold(Object value, String at) {
		if (string(value, at, "a quantity such as 100Mi or a percentage such as 10%")) {
			String text = (String) value;
			if (!QUANTITY.matcher(text).matches() && !PERCENTAGE.matcher(text).matches()) {
				problems.add(at, "must be a quantity such as 100Mi or a percentage such as 10%");
			}
		}
	}

	private void pattern(Object value, String at, Pattern pattern, String what) {
		if (string(value, at, what) && !pattern.matcher((String) value).matches()) {
			problems.add(at, "must be " + what);
		}
	}

	/**
	 * Whether the value is a string fit to write; a number or boolean is refused with a
	 * hint, since the kubelet's JSON decoder takes no number for a string.
	 */
	private boolean string(Object value, String at, String what) {
		if (!(value instanceof String text)) {
			problems.add(at, "must be " + what
					+ (value instanceof Number || value instanceof Boolean ? ", written as a string: quote it" : ""));
			return false;
		}
		if (FreeText.breaksLines(text)) {
			problems.add(at, "must not contain control characters or line breaks (including U+2028 and U+2029)");
			return false;
		}
		if (FreeText.formatCharacter(text).isPresent()) {
			problems.add(at, FreeText.invisible(FreeText.formatCharacter(text).getAsInt()));
			return false;
		}
		if (substituted && text.indexOf('$') >= 0) {
			problems.add(at, "must not contain $: the node substitutes its address variables in the kubeadm "
					+ "config, and would substitute one written here too");
			return false;
		}
		return true;
	}

	private void integer(Object value, String at, BigInteger min, BigInteger max, String what) {
		BigInteger number = value instanceof Integer || value instanceof Long || value instanceof Short
				? BigInteger.valueOf(((Number) value).longValue()) : value instanceof BigInteger big ? big : null;
		if (number == null && value instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0) {
			number = decimal.toBigIntegerExact();
		}
		if (number == null || number.compareTo(min) < 0 || number.compareTo(max) > 0) {
			problems.add(at, "must be " + what);
		}
	}

	private void expect(boolean fits, String at, String detail) {
		if (!fits) {
			problems.add(at, detail);
		}
	}

	private void list(Object value, String at, java.util.function.BiConsumer<Object, String> item) {
		if (!(value instanceof List<?> items)) {
			problems.add(at, "must be a list");
			return;
		}
		for (int i = 0; i < items.size(); i++) {
			String pointer = at + "/" + i;
			if (items.get(i) == null) {
				problems.add(pointer, "must have a value");
			}
			else {
				item.accept(items.get(i), pointer);
			}
		}
	}

	private void map(Object value, String at, java.util.function.BiConsumer<Object, String> entry) {
		if (!(value instanceof Map<?, ?> map)) {
			problems.add(at, "must be a mapping of names to values");
			return;
		}
		entries(map).forEach((key, item) -> {
			String pointer = JsonPointer.child(at, key);
			if (key.isEmpty() || FreeText.breaksLines(key) || FreeText.formatCharacter(key).isPresent()
					|| (substituted && key.indexOf('$') >= 0)) {
				problems.add(pointer, "must have a name of visible characters, without $");
			}
			else if (item == null) {
				problems.add(pointer, "must have a value");
			}
			else {
				entry.accept(item, pointer);
			}
		});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> entries(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	private static String minor(KubernetesVersion version) {
		return VersionRules.minor(version);
	}

}

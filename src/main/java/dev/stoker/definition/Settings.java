package dev.stoker.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form settings (KubeletConfiguration fields) as JSON values: strings, booleans,
 * numbers, lists and maps, frozen at every depth and kept in the order written.
 */
final class Settings {

	private Settings() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> freeze(Map<String, Object> settings) {
		return (Map<String, Object>) freezeValue(settings);
	}

	private static Object freezeValue(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, entry) -> copy.put((String) key, freezeValue(entry)));
			return Collections.unmodifiableMap(copy);
		}
		if (value instanceof List<?> list) {
			return Collections.unmodifiableList(list.stream().map(Settings::freezeValue).toList());
		}
		return value;
	}

}

package dev.stoker.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Unmodifiable copies of maps that keep the order the operator wrote: labels and extra
 * args are rendered in that order, and {@code Map.copyOf} would lose it.
 */
final class Ordered {

	private Ordered() {
	}

	static Map<String, String> copy(Map<String, String> map) {
		return Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

}

package dev.stoker.butane;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Collects findings in the order the config is walked, and checks list keys for
 * duplicates.
 */
final class Findings {

	private final List<ButaneLint.Finding> list = new ArrayList<>();

	void add(String pointer, String message) {
		this.list.add(new ButaneLint.Finding(pointer, message));
	}

	List<ButaneLint.Finding> list() {
		return List.copyOf(this.list);
	}

	/**
	 * Ignition's {@code ValidateDups}: the second and every later entry with a key
	 * already seen is a duplicate, reported at its own index.
	 */
	<T> void duplicates(String pointer, List<T> entries, Function<T, String> key, String message) {
		if (entries == null) {
			return;
		}
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			String k = (entries.get(i) != null) ? key.apply(entries.get(i)) : null;
			if (k != null && seen.putIfAbsent(k, i) != null) {
				add(pointer + "/" + i, message);
			}
		}
	}

	static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

	static boolean isEmpty(String value) {
		return value == null || value.isEmpty();
	}

}

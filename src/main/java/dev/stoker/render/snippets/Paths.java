package dev.stoker.render.snippets;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Paths as the node resolves them: Ignition joins each path to the root it writes under,
 * which cleans it, so {@code /etc//kubernetes/./pki/../pki} is
 * {@code /etc/kubernetes/pki}.
 */
final class Paths {

	private Paths() {
	}

	static String clean(String path) {
		if (path == null) {
			return "";
		}
		Deque<String> segments = new ArrayDeque<>();
		for (String segment : path.split("/")) {
			if (segment.isEmpty() || segment.equals(".")) {
				continue;
			}
			if (segment.equals("..")) {
				segments.pollLast();
			}
			else {
				segments.addLast(segment);
			}
		}
		return "/" + String.join("/", segments);
	}

	/** Whether {@code path} is {@code directory} or below it; both clean. */
	static boolean contains(String directory, String path) {
		return path.equals(directory) || path.startsWith(directory.equals("/") ? "/" : directory + "/");
	}

}

package dev.stoker.butane;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Ignition's {@code validatePath} (config/v3_3/types and v3_4/types, path.go) and Go's
 * {@code path.Clean}.
 */
final class Paths {

	private Paths() {
	}

	static void check(String pointer, String path, boolean required, Findings findings) {
		if (Findings.isEmpty(path)) {
			if (required) {
				findings.add(pointer, "is required: an absolute path such as /etc/example.conf");
			}
			return;
		}
		if (!path.startsWith("/")) {
			findings.add(pointer, "must be an absolute path, starting with /");
		}
		else if (!clean(path).equals(path)) {
			findings.add(pointer, "must be a simplified path: no //, no . or .. segment and no final /");
		}
	}

	/** Go's {@code path.Clean}: the shortest path naming the same file. */
	static String clean(String path) {
		if (path.isEmpty()) {
			return ".";
		}
		boolean rooted = path.startsWith("/");
		Deque<String> parts = new ArrayDeque<>();
		int leadingUps = 0;
		for (String part : path.split("/")) {
			if (part.isEmpty() || part.equals(".")) {
				continue;
			}
			if (part.equals("..")) {
				if (!parts.isEmpty()) {
					parts.removeLast();
				}
				else if (!rooted) {
					leadingUps++;
				}
				continue;
			}
			parts.addLast(part);
		}
		StringBuilder cleaned = new StringBuilder(rooted ? "/" : "");
		for (int i = 0; i < leadingUps; i++) {
			cleaned.append((cleaned.length() > 0 && !rooted) ? "/.." : "..");
		}
		for (String part : parts) {
			if (cleaned.length() > 0 && cleaned.charAt(cleaned.length() - 1) != '/') {
				cleaned.append('/');
			}
			cleaned.append(part);
		}
		return (cleaned.length() == 0) ? "." : cleaned.toString();
	}

}

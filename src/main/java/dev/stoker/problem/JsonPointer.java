package dev.stoker.problem;

/**
 * RFC 6901 JSON Pointers, the way every problem names the field it is about:
 * {@code /nodeGroups/2/labels/example.com~1team}.
 */
public final class JsonPointer {

	private JsonPointer() {
	}

	/** Appends a map key or field name, escaped as RFC 6901 requires. */
	public static String child(String pointer, String key) {
		return pointer + "/" + escape(key);
	}

	public static String child(String pointer, int index) {
		return pointer + "/" + index;
	}

	/** {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}, in that order. */
	public static String escape(String key) {
		return key.replace("~", "~0").replace("/", "~1");
	}

}

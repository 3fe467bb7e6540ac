package dev.stoker.definition.validation;

/**
 * Free text (extra arg values, SSH key comments) may hold any character that cannot end a
 * line anywhere it lands. That excludes the C0 and C1 control characters and DEL, and
 * also the Unicode line and paragraph separators (U+2028, U+2029): YAML 1.1, which
 * kubeadm, the kubelet and Butane read, counts them and NEL (U+0085) as line breaks even
 * inside quotes, so a value holding one would come back changed.
 * <p>
 * Nor may it hold Unicode format characters (general category Cf: bidirectional overrides
 * and isolates such as U+202E, zero-width characters such as U+200B, the byte order mark
 * U+FEFF, the soft hyphen U+00AD): they are invisible or reorder what is shown, so a
 * config reviewed on a screen would read differently from what it is.
 */
final class FreeText {

	private FreeText() {
	}

	static boolean breaksLines(String text) {
		return text.chars().anyMatch(FreeText::isLineBreakOrControl);
	}

	/** The first format (Cf) character, named in a message by its code point only. */
	static java.util.OptionalInt formatCharacter(String text) {
		return text.codePoints().filter((c) -> Character.getType(c) == Character.FORMAT).findFirst();
	}

	static String invisible(int codePoint) {
		return "must not contain the invisible format character " + String.format("U+%04X", codePoint)
				+ ": a reviewed config would read differently from what it is";
	}

	private static boolean isLineBreakOrControl(int c) {
		return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
	}

}

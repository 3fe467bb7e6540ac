package dev.stoker.cluster.validation;

/**
 * Free text (extra arg values, SSH key comments) may hold any character that cannot end a
 * line anywhere it lands. That excludes the C0 and C1 control characters and DEL, and
 * also the Unicode line and paragraph separators (U+2028, U+2029): YAML 1.1, which
 * kubeadm, the kubelet and Butane read, counts them and NEL (U+0085) as line breaks even
 * inside quotes, so a value holding one would come back changed.
 */
final class FreeText {

	private FreeText() {
	}

	static boolean breaksLines(String text) {
		return text.chars().anyMatch(FreeText::isLineBreakOrControl);
	}

	private static boolean isLineBreakOrControl(int c) {
		return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
	}

}

package dev.stoker.json;

import java.util.regex.Pattern;

import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Jackson's choice of which strings to quote, plus those it would write plain although a
 * YAML reader does not read them back as the same string: floats with an exponent such as
 * 1e3 (read as 1000.0), .inf and .nan (which Jackson's own YAML parser cannot read), and
 * YAML 1.1's extra line breaks NEL, LS and PS (a NEL alone was read back as null).
 * Quoted, the emitter escapes them.
 *
 * <p>
 * kubeadm, the kubelet and Butane read YAML with YAML 1.1 rules, which resolve more plain
 * scalars than YAML 1.2 does: 0x1f, 1_000 and 0777 are integers, 12:30 is a base-60
 * integer, 2001-12-14 a timestamp. Every such form starts with a digit, a sign or a dot,
 * so any value starting with one is quoted (a taint value 0x1f must reach kubeadm as the
 * string it is, not as 31).
 *
 * <p>
 * A value holding a {@code $} variable is quoted too: the host substitutes an address for
 * it after Stoker wrote the file, and a fully written-out IPv6 address of decimal groups
 * (2001:10:20:30:40:50:1:2) would otherwise read as a base-60 integer.
 */
final class YamlQuoting extends StringQuotingChecker.Default {

	private static final long serialVersionUID = 1L;

	/** The float forms of the YAML 1.2 core schema. */
	private static final Pattern FLOAT = Pattern
		.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

	@Override
	public boolean needToQuoteValue(String value) {
		return FLOAT.matcher(value).matches() || value.chars().anyMatch(YamlQuoting::isYaml11LineBreak)
				|| looksNumericToYaml11(value) || value.indexOf('$') >= 0 || super.needToQuoteValue(value);
	}

	private static boolean looksNumericToYaml11(String value) {
		if (value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return (first >= '0' && first <= '9') || first == '+' || first == '-' || first == '.' || value.equals("=")
				|| value.equals("<<");
	}

	private static boolean isYaml11LineBreak(int c) {
		return c == '\u0085' || c == '\u2028' || c == '\u2029';
	}

}

package dev.stoker.json;

import java.util.regex.Pattern;

import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Jackson's choice of which strings to quote, plus those it would write plain although a
 * YAML reader does not read them back as the same string: floats with an exponent such as
 * 1e3 (read as 1000.0), .inf and .nan (which Jackson's own YAML parser cannot read), and
 * YAML 1.1's extra line breaks NEL, LS and PS (a NEL alone was read back as null).
 * Quoted, the emitter escapes them.
 */
final class YamlQuoting extends StringQuotingChecker.Default {

	private static final long serialVersionUID = 1L;

	/** The float forms of the YAML 1.2 core schema. */
	private static final Pattern FLOAT = Pattern
		.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

	@Override
	public boolean needToQuoteValue(String value) {
		return FLOAT.matcher(value).matches() || value.chars().anyMatch(YamlQuoting::isYaml11LineBreak)
				|| super.needToQuoteValue(value);
	}

	private static boolean isYaml11LineBreak(int c) {
		return c == '\u0085' || c == '\u2028' || c == '\u2029';
	}

}

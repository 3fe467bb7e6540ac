package dev.stoker.secrets;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credential the machines of one node group report their join progress with:
 * {@code str.<id>.<secret>} ("Stoker report"), shaped like a fetch token under another
 * prefix. It opens nothing but that group's reports, and reads nothing: every machine of
 * the group holds it in a file. The id (12 characters of {@code [a-z0-9]}) is public: the
 * audit log names the credential by it. The whole value is redacted wherever it could be
 * printed.
 */
public record ReportToken(String id, String secret) {

	private static final Pattern FORMAT = Pattern.compile("str\\.([a-z0-9]{12})\\.([A-Za-z0-9_-]{43})");

	public ReportToken {
		if (id == null || secret == null || !FORMAT.matcher("str." + id + "." + secret).matches()) {
			throw new IllegalArgumentException(
					"A report credential is str.<12 characters>.<43 characters> (not shown)");
		}
	}

	/** The credential in a presented value, if it has the form of one. */
	public static Optional<ReportToken> parse(String value) {
		Matcher matcher = (value != null) ? FORMAT.matcher(value) : null;
		if (matcher == null || !matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new ReportToken(matcher.group(1), matcher.group(2)));
	}

	/** Whether a text has the form of a report credential, wherever it was found. */
	public static boolean looksLikeOne(String value) {
		return value != null && FORMAT.matcher(value).find();
	}

	static ReportToken generate(RandomSource random) {
		return new ReportToken(RandomText.lowerCaseAndDigits(random, 12),
				Base64.getUrlEncoder().withoutPadding().encodeToString(random.bytes(32)));
	}

	/** The credential as it is sent: {@code Authorization: Bearer <value>}. */
	public String value() {
		return "str." + id + "." + secret;
	}

	@Override
	public String toString() {
		return "ReportToken[id=" + id + ", secret=<redacted>]";
	}

}

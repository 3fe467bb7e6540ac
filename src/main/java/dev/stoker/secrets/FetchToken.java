package dev.stoker.secrets;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bearer token machines of one node group fetch their documents with:
 * {@code stf.<id>.<secret>}. The id (12 characters of {@code [a-z0-9]}) is public: the
 * audit log names a token by it. The secret is 32 random bytes, base64url without
 * padding. The whole value is redacted wherever it could be printed.
 */
public record FetchToken(String id, String secret) {

	private static final Pattern FORMAT = Pattern.compile("stf\\.([a-z0-9]{12})\\.([A-Za-z0-9_-]{43})");

	public FetchToken {
		if (id == null || secret == null || !FORMAT.matcher("stf." + id + "." + secret).matches()) {
			throw new IllegalArgumentException("A fetch token is stf.<12 characters>.<43 characters> (not shown)");
		}
	}

	/** The token in a presented value, if it has the form of one. */
	public static Optional<FetchToken> parse(String value) {
		Matcher matcher = (value != null) ? FORMAT.matcher(value) : null;
		if (matcher == null || !matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new FetchToken(matcher.group(1), matcher.group(2)));
	}

	/** Whether a text has the form of a fetch token, wherever it was found. */
	public static boolean looksLikeOne(String value) {
		return value != null && FORMAT.matcher(value).find();
	}

	static FetchToken generate(RandomSource random) {
		return new FetchToken(RandomText.lowerCaseAndDigits(random, 12),
				Base64.getUrlEncoder().withoutPadding().encodeToString(random.bytes(32)));
	}

	/** The token as it is sent: {@code Authorization: Bearer <value>}. */
	public String value() {
		return "stf." + id + "." + secret;
	}

	@Override
	public String toString() {
		return "FetchToken[id=" + id + ", secret=<redacted>]";
	}

}

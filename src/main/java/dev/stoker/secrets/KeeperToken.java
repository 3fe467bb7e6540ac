package dev.stoker.secrets;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credential a cluster's join-token keepers authenticate with:
 * {@code stj.<id>.<secret>} ("Stoker join"), shaped like a fetch token under another
 * prefix and unlike the admin token ({@code stk_...}). The id (12 characters of
 * {@code [a-z0-9]}) is public: the audit log names the credential by it. The secret is 32
 * random bytes, base64url without padding. The whole value is redacted wherever it could
 * be printed.
 */
public record KeeperToken(String id, String secret) {

	private static final Pattern FORMAT = Pattern.compile("stj\\.([a-z0-9]{12})\\.([A-Za-z0-9_-]{43})");

	public KeeperToken {
		if (id == null || secret == null || !FORMAT.matcher("stj." + id + "." + secret).matches()) {
			throw new IllegalArgumentException(
					"A keeper credential is stj.<12 characters>.<43 characters> (not shown)");
		}
	}

	/** The credential in a presented value, if it has the form of one. */
	public static Optional<KeeperToken> parse(String value) {
		Matcher matcher = (value != null) ? FORMAT.matcher(value) : null;
		if (matcher == null || !matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new KeeperToken(matcher.group(1), matcher.group(2)));
	}

	/** Whether a text has the form of a keeper credential, wherever it was found. */
	public static boolean looksLikeOne(String value) {
		return value != null && FORMAT.matcher(value).find();
	}

	static KeeperToken generate(RandomSource random) {
		return new KeeperToken(RandomText.lowerCaseAndDigits(random, 12),
				Base64.getUrlEncoder().withoutPadding().encodeToString(random.bytes(32)));
	}

	/** The credential as it is sent: {@code Authorization: Bearer <value>}. */
	public String value() {
		return "stj." + id + "." + secret;
	}

	@Override
	public String toString() {
		return "KeeperToken[id=" + id + ", secret=<redacted>]";
	}

}

package dev.stoker.secrets;

import java.util.regex.Pattern;

/**
 * A kubeadm bootstrap token, {@code <id>.<secret>}: six and sixteen characters of
 * {@code [a-z0-9]}. The whole token authenticates a joining node, so it is redacted
 * wherever it could be printed.
 */
public record BootstrapToken(String id, String secret) {

	/** The format kubeadm accepts. */
	public static final Pattern FORMAT = Pattern.compile("[a-z0-9]{6}\\.[a-z0-9]{16}");

	public BootstrapToken {
		if (id == null || secret == null || !FORMAT.matcher(id + "." + secret).matches()) {
			throw new IllegalArgumentException(
					"A bootstrap token is 6 and 16 characters of [a-z0-9] joined by a dot (the value is not shown)");
		}
	}

	public static BootstrapToken parse(String token) {
		int dot = (token != null) ? token.indexOf('.') : -1;
		if (dot < 0) {
			throw new IllegalArgumentException(
					"A bootstrap token is 6 and 16 characters of [a-z0-9] joined by a dot (the value is not shown)");
		}
		return new BootstrapToken(token.substring(0, dot), token.substring(dot + 1));
	}

	static BootstrapToken generate(RandomSource random) {
		return new BootstrapToken(RandomText.lowerCaseAndDigits(random, 6), RandomText.lowerCaseAndDigits(random, 16));
	}

	/** The token as kubeadm takes it. */
	public String value() {
		return id + "." + secret;
	}

	@Override
	public String toString() {
		return "BootstrapToken[redacted]";
	}

}

package dev.stoker.net;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 address literal. */
public record IpAddress(IpFamily family, BigInteger value) {

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

	/**
	 * Hex groups and colons, optionally ending in a dotted quad; zone ids ("%eth0") are
	 * not addresses here. The first character must be a hex digit or a colon: the JDK
	 * looks up any other text in DNS instead of parsing it (".::1" went to the resolver).
	 */
	private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

	/**
	 * Parses a literal. Both patterns exclude anything that is not an address literal, so
	 * the JDK parser below never falls back to a DNS lookup.
	 */
	public static Optional<IpAddress> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		boolean v4 = IPV4.matcher(text).matches();
		if (!v4 && !(text.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(text).matches())) {
			return Optional.empty();
		}
		try {
			InetAddress address = InetAddress.getByName(text);
			byte[] bytes = address.getAddress();
			if (!v4 && bytes.length == 4) {
				// an IPv4-mapped IPv6 literal such as ::ffff:10.0.0.1; Java folds
				// it to IPv4.
				return Optional.empty();
			}
			return Optional.of(new IpAddress(address instanceof Inet4Address ? IpFamily.IPV4 : IpFamily.IPV6,
					new BigInteger(1, bytes)));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

}

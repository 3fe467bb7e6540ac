package dev.stoker.serving;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a URL would take a machine back to itself rather than to Stoker. Decided from
 * the URL's text alone, never by a DNS lookup: a name that only resolves to a loopback
 * address is the operator's to get right.
 */
final class LoopbackHost {

	private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");

	private LoopbackHost() {
	}

	/**
	 * True for localhost and its subdomains (RFC 6761 6.3: they resolve to loopback),
	 * 127.0.0.0/8 and ::1 (RFC 1122 3.2.1.3, RFC 4291 2.5.3), 0.0.0.0/8 and :: (which
	 * Linux connects to the host itself), the IPv4-mapped forms of these, and a URL with
	 * no host java.net.URI can read (a bare number such as 2130706433 or 127.1, which
	 * curl would read as 127.0.0.1).
	 */
	static boolean isLoopback(URI url) {
		String host = url.getHost();
		if (host == null) {
			return true;
		}
		String name = host.toLowerCase(Locale.ROOT);
		if (name.endsWith(".")) {
			name = name.substring(0, name.length() - 1);
		}
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return true;
		}
		boolean ipv6 = name.startsWith("[") && name.endsWith("]");
		if (!ipv6 && !NUMERIC.matcher(name).matches()) {
			return false;
		}
		try {
			// java.net.URI answers digits and dots only for a dotted quad (127.1 is
			// no host at all to it) and brackets only around an IPv6 literal: both
			// are literals the JDK parses without asking DNS
			InetAddress address = InetAddress.getByName(ipv6 ? name.substring(1, name.length() - 1) : name);
			return address.isLoopbackAddress() || address.isAnyLocalAddress()
					|| (address instanceof Inet4Address && address.getAddress()[0] == 0);
		}
		catch (UnknownHostException ex) {
			return true;
		}
	}

}

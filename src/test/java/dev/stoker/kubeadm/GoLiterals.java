package dev.stoker.kubeadm;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.stoker.net.IpFamily;

/**
 * Address, CIDR, host:port and name literals as kubeadm's Go code reads them
 * (net.ParseIP, net.ParseCIDR, net.SplitHostPort, IsDNS1123Subdomain). Written apart from
 * Stoker's own parsers on purpose: the checker must not share their mistakes.
 */
final class GoLiterals {

	private static final Pattern DNS1123_SUBDOMAIN = Pattern
		.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

	private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

	private GoLiterals() {
	}

	/** A CIDR: its address's family and the prefix length. */
	record Cidr(IpFamily family, int prefix) {

		int bits() {
			return family == IpFamily.IPV4 ? 32 : 128;
		}

	}

	/** A host and an optional port, from host[:port]. */
	record HostPort(String host, Integer port) {
	}

	/** The family of an IP literal, or empty when net.ParseIP would return nil. */
	static Optional<IpFamily> ip(String text) {
		if (isIpv4(text)) {
			return Optional.of(IpFamily.IPV4);
		}
		return isIpv6(text) ? Optional.of(IpFamily.IPV6) : Optional.empty();
	}

	/** address/prefix, as net.ParseCIDR reads it. */
	static Optional<Cidr> cidr(String text) {
		int slash = text.indexOf('/');
		if (slash < 0 || text.indexOf('/', slash + 1) >= 0) {
			return Optional.empty();
		}
		String length = text.substring(slash + 1);
		if (!length.matches("[0-9]{1,3}")) {
			return Optional.empty();
		}
		return ip(text.substring(0, slash)).map(family -> new Cidr(family, Integer.parseInt(length)))
			.filter(cidr -> cidr.prefix() <= cidr.bits());
	}

	/**
	 * A DNS-1123 subdomain: lower-case labels of letters, digits and '-', 253 at most.
	 */
	static boolean isDnsSubdomain(String text) {
		return text.length() <= 253 && DNS1123_SUBDOMAIN.matcher(text).matches();
	}

	/**
	 * host:port with the port required and an IPv6 host in brackets, as net.SplitHostPort
	 * splits it; empty when it does not split, or the port is not 1 to 65535.
	 */
	static Optional<HostPort> splitHostPort(String text) {
		String host;
		String port;
		if (text.startsWith("[")) {
			int close = text.indexOf(']');
			if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
				return Optional.empty();
			}
			host = text.substring(1, close);
			port = text.substring(close + 2);
			if (!isIpv6(host)) {
				return Optional.empty();
			}
		}
		else {
			int colon = text.lastIndexOf(':');
			if (colon < 0 || text.indexOf(':') != colon) {
				return Optional.empty();
			}
			host = text.substring(0, colon);
			port = text.substring(colon + 1);
		}
		return port(port).map(p -> new HostPort(host, p));
	}

	/** 1 to 65535 in decimal digits, as kubeadm's ParsePort takes it. */
	static Optional<Integer> port(String text) {
		if (!text.matches("[0-9]{1,5}")) {
			return Optional.empty();
		}
		int port = Integer.parseInt(text);
		return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
	}

	/**
	 * Dotted decimal, four parts of 0 to 255; Go refuses leading zeros (010 was octal to
	 * some readers).
	 */
	private static boolean isIpv4(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			return false;
		}
		for (String part : parts) {
			if (!part.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Eight groups of one to four hex digits, or fewer with one "::" standing for at
	 * least one zero group; the last two groups may be written as dotted decimal. No
	 * zone.
	 */
	private static boolean isIpv6(String text) {
		if (text.isEmpty() || text.indexOf(':') < 0) {
			return false;
		}
		int ellipsis = text.indexOf("::");
		if (ellipsis < 0) {
			return groups(text, true) == 8;
		}
		if (text.indexOf("::", ellipsis + 1) >= 0) {
			return false;
		}
		int head = groups(text.substring(0, ellipsis), false);
		int tail = groups(text.substring(ellipsis + 2), true);
		return head >= 0 && tail >= 0 && head + tail <= 7;
	}

	/**
	 * How many 16-bit groups the colon-separated part holds, or -1 if it is malformed.
	 */
	private static int groups(String part, boolean mayEndInIpv4) {
		if (part.isEmpty()) {
			return 0;
		}
		String[] groups = part.split(":", -1);
		int count = 0;
		for (int i = 0; i < groups.length; i++) {
			boolean last = i == groups.length - 1;
			if (last && mayEndInIpv4 && groups[i].indexOf('.') >= 0) {
				if (!isIpv4(groups[i])) {
					return -1;
				}
				count += 2;
			}
			else if (HEX_GROUP.matcher(groups[i]).matches()) {
				count++;
			}
			else {
				return -1;
			}
		}
		return count;
	}

}

package dev.stoker.net;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An IP range in CIDR notation, {@code 10.244.0.0/16} or {@code fd00:10:244::/56}.
 */
public record Cidr(IpAddress network, int prefixLength) {

	public static Cidr parse(String text) throws InvalidCidrException {
		int slash = text == null ? -1 : text.indexOf('/');
		if (slash < 0) {
			throw new InvalidCidrException("must be a CIDR range such as 10.96.0.0/16 or fd00:10:96::/112");
		}
		IpAddress address = IpAddress.parse(text.substring(0, slash))
			.orElseThrow(() -> new InvalidCidrException("must start with an IPv4 or IPv6 address"));
		String prefix = text.substring(slash + 1);
		int bits = address.family().bits();
		if (!prefix.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(prefix) > bits) {
			throw new InvalidCidrException("has a prefix length that is not between 0 and " + bits);
		}
		Cidr cidr = new Cidr(address, Integer.parseInt(prefix));
		if (!cidr.hostBits().and(address.value()).equals(BigInteger.ZERO)) {
			throw new InvalidCidrException("has host bits set; the range starts at " + cidr.canonical());
		}
		return cidr;
	}

	public IpFamily family() {
		return network.family();
	}

	public BigInteger first() {
		return network.value();
	}

	public BigInteger last() {
		return network.value().or(hostBits());
	}

	public boolean overlaps(Cidr other) {
		return family() == other.family() && first().compareTo(other.last()) <= 0
				&& other.first().compareTo(last()) <= 0;
	}

	private BigInteger hostBits() {
		return BigInteger.ONE.shiftLeft(family().bits() - prefixLength).subtract(BigInteger.ONE);
	}

	/** The range with its host bits cleared, written as the JDK writes the address. */
	private String canonical() {
		BigInteger start = network.value().andNot(hostBits());
		byte[] raw = start.toByteArray();
		byte[] bytes = new byte[family().bits() / 8];
		int copy = Math.min(raw.length, bytes.length);
		System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
		try {
			return compress(java.net.InetAddress.getByAddress(bytes).getHostAddress()) + "/" + prefixLength;
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * RFC 5952: the longest run of two or more zero groups (the first of equal runs)
	 * becomes "::", and only that one; a second "::" would make the suggested range
	 * unparseable.
	 */
	private static String compress(String address) {
		String[] groups = address.split(":");
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < groups.length; i++) {
			int end = i;
			while (end < groups.length && groups[end].equals("0")) {
				end++;
			}
			if (end - i > bestLength) {
				bestStart = i;
				bestLength = end - i;
			}
		}
		if (bestStart < 0) {
			return address;
		}
		return String.join(":", Arrays.copyOfRange(groups, 0, bestStart)) + "::"
				+ String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
	}

	/** Why a text is not a usable CIDR range, phrased to follow the field name. */
	public static final class InvalidCidrException extends Exception {

		public InvalidCidrException(String reason) {
			super(reason, null, false, false);
		}

	}

}

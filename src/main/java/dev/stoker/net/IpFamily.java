package dev.stoker.net;

/** An IP address family, with the bit width of its addresses. */
public enum IpFamily {

	IPV4(32), IPV6(128);

	private final int bits;

	IpFamily(int bits) {
		this.bits = bits;
	}

	public int bits() {
		return bits;
	}

	@Override
	public String toString() {
		return this == IPV4 ? "IPv4" : "IPv6";
	}

}

package dev.stoker.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Addresses as the JDK writes them parse back to the same address. */
class IpAddressPropertyTest {

	private static final BigInteger IPV4_MAPPED = BigInteger.valueOf(0xffff).shiftLeft(32);

	@Property(tries = 300)
	void anIpv4AddressWrittenByTheJdkParsesBackToItself(@ForAll("ipv4") BigInteger value) {
		String text = jdkText(value, IpFamily.IPV4);
		assertThat(IpAddress.parse(text)).hasValue(new IpAddress(IpFamily.IPV4, value));
	}

	@Property(tries = 300)
	void anIpv6AddressWrittenByTheJdkParsesBackToItself(@ForAll("ipv6") BigInteger value) {
		String text = jdkText(value, IpFamily.IPV6);
		assertThat(IpAddress.parse(text)).hasValue(new IpAddress(IpFamily.IPV6, value));
		assertThat(IpAddress.parse(text.toUpperCase(Locale.ROOT))).hasValue(new IpAddress(IpFamily.IPV6, value));
	}

	@Provide
	Arbitrary<BigInteger> ipv4() {
		return Arbitraries.bigIntegers().between(BigInteger.ZERO, max(IpFamily.IPV4));
	}

	/**
	 * Any 128 bits but an IPv4-mapped address, which the JDK turns into IPv4 and Stoker
	 * refuses.
	 */
	@Provide
	Arbitrary<BigInteger> ipv6() {
		return Arbitraries.bigIntegers()
			.between(BigInteger.ZERO, max(IpFamily.IPV6))
			.filter(v -> !v.shiftRight(32).equals(IPV4_MAPPED.shiftRight(32)));
	}

	static BigInteger max(IpFamily family) {
		return BigInteger.ONE.shiftLeft(family.bits()).subtract(BigInteger.ONE);
	}

	/** The address written by the JDK: dotted quad, or eight hex groups without "::". */
	static String jdkText(BigInteger value, IpFamily family) {
		byte[] raw = value.toByteArray();
		byte[] bytes = new byte[family.bits() / 8];
		int copy = Math.min(raw.length, bytes.length);
		System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
		try {
			return InetAddress.getByAddress(bytes).getHostAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

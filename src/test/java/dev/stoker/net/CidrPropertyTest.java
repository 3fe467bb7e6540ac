package dev.stoker.net;

import java.math.BigInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** CIDR parsing and overlap, against the arithmetic they stand for. */
class CidrPropertyTest {

	@Property(tries = 300)
	void aRangeWithHostBitsSetIsRefusedWithTheRangeItMeant(@ForAll("rangeWithHostBits") Range range) {
		String text = IpAddressPropertyTest.jdkText(range.withHostBits(), range.family()) + "/" + range.prefix();
		assertThatExceptionOfType(Cidr.InvalidCidrException.class).isThrownBy(() -> Cidr.parse(text)).satisfies(ex -> {
			assertThat(ex.getMessage()).startsWith("has host bits set; the range starts at ");
			String suggested = ex.getMessage().substring(ex.getMessage().lastIndexOf(' ') + 1);
			assertThat(Cidr.parse(suggested)).isEqualTo(range.cidr());
		});
	}

	@Property(tries = 300)
	void aRangeWithHostBitsClearedIsAccepted(@ForAll("anyRange") Range range) throws Exception {
		Cidr cidr = Cidr.parse(IpAddressPropertyTest.jdkText(range.start(), range.family()) + "/" + range.prefix());
		assertThat(cidr.family()).isEqualTo(range.family());
		assertThat(cidr.prefixLength()).isEqualTo(range.prefix());
		assertThat(cidr.first()).isEqualTo(range.start());
		assertThat(cidr.last()).isEqualTo(range.start().or(range.hostMask()));
	}

	@Property(tries = 300)
	void overlapIsSymmetric(@ForAll("anyRange") Range a, @ForAll("anyRange") Range b) {
		assertThat(a.cidr().overlaps(b.cidr())).isEqualTo(b.cidr().overlaps(a.cidr()));
		assertThat(a.cidr().overlaps(a.cidr())).isTrue();
	}

	@Property(tries = 300)
	void rangesOfDifferentFamiliesNeverOverlap(@ForAll("anyRange") Range a, @ForAll("anyRange") Range b) {
		if (a.family() != b.family()) {
			assertThat(a.cidr().overlaps(b.cidr())).isFalse();
		}
	}

	/**
	 * Within 10.0.0.0/20 each range has at most 4096 addresses, few enough to compare one
	 * by one.
	 */
	@Property(tries = 300)
	void overlapAgreesWithComparingEveryAddress(@ForAll("smallRange") Range a, @ForAll("smallRange") Range b) {
		boolean shared = false;
		for (BigInteger address = a.start(); !shared
				&& address.compareTo(a.cidr().last()) <= 0; address = address.add(BigInteger.ONE)) {
			shared = contains(b.cidr(), address);
		}
		assertThat(a.cidr().overlaps(b.cidr())).isEqualTo(shared);
	}

	@Provide
	Arbitrary<Range> anyRange() {
		return ranges(0);
	}

	/** Ranges shorter than a single address, so that they have host bits to set. */
	@Provide
	Arbitrary<Range> rangeWithHostBits() {
		return ranges(1).filter(range -> !isIpv4Mapped(range.withHostBits(), range.family()));
	}

	private static Arbitrary<Range> ranges(int minHostBits) {
		return Arbitraries.of(IpFamily.class)
			.flatMap(family -> Combinators
				.combine(Arbitraries.bigIntegers().between(BigInteger.ZERO, IpAddressPropertyTest.max(family)),
						Arbitraries.integers().between(0, family.bits() - minHostBits),
						Arbitraries.bigIntegers().between(BigInteger.ZERO, IpAddressPropertyTest.max(family)))
				.as((address, prefix, noise) -> Range.of(family, address, prefix, noise)))
			.filter(range -> !isIpv4Mapped(range.start(), range.family()));
	}

	@Provide
	Arbitrary<Range> smallRange() {
		BigInteger base = BigInteger.valueOf(10L << 24);
		return Combinators.combine(Arbitraries.integers().between(0, 4095), Arbitraries.integers().between(20, 32))
			.as((offset, prefix) -> Range.of(IpFamily.IPV4, base.add(BigInteger.valueOf(offset)), prefix,
					BigInteger.ONE));
	}

	private static boolean contains(Cidr cidr, BigInteger address) {
		return cidr.first().compareTo(address) <= 0 && address.compareTo(cidr.last()) <= 0;
	}

	/**
	 * The JDK writes an IPv4-mapped IPv6 address as IPv4, so such a start is no IPv6
	 * range text.
	 */
	private static boolean isIpv4Mapped(BigInteger value, IpFamily family) {
		return family == IpFamily.IPV6 && value.shiftRight(32).equals(BigInteger.valueOf(0xffff));
	}

	/**
	 * A range by its start (host bits cleared) and prefix, and random bits to set host
	 * bits from.
	 */
	record Range(IpFamily family, BigInteger start, int prefix, BigInteger noise) {

		static Range of(IpFamily family, BigInteger address, int prefix, BigInteger noise) {
			BigInteger hostMask = BigInteger.ONE.shiftLeft(family.bits() - prefix).subtract(BigInteger.ONE);
			return new Range(family, address.andNot(hostMask), prefix, noise);
		}

		BigInteger hostMask() {
			return BigInteger.ONE.shiftLeft(family.bits() - prefix).subtract(BigInteger.ONE);
		}

		/** The start with some host bits set: those of the noise, or the lowest one. */
		BigInteger withHostBits() {
			BigInteger set = noise.and(hostMask());
			return start.or(set.signum() == 0 ? BigInteger.ONE : set);
		}

		Cidr cidr() {
			try {
				return Cidr.parse(IpAddressPropertyTest.jdkText(start, family) + "/" + prefix);
			}
			catch (Cidr.InvalidCidrException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}

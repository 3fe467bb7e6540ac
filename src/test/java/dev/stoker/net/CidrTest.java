package dev.stoker.net;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CidrTest {

	@ParameterizedTest(name = "{0} is {1}/{2}")
	@CsvSource(textBlock = """
			10.244.0.0/16,      IPV4, 16
			0.0.0.0/0,          IPV4, 0
			10.0.0.1/32,        IPV4, 32
			::/0,               IPV6, 0
			fd00::1/128,        IPV6, 128
			FD00:10:244::/56,   IPV6, 56
			""")
	void parsesRanges(String text, IpFamily family, int prefix) throws Exception {
		Cidr cidr = Cidr.parse(text);
		assertThat(cidr.family()).isEqualTo(family);
		assertThat(cidr.prefixLength()).isEqualTo(prefix);
	}

	@Test
	void knowsItsFirstAndLastAddress() throws Exception {
		Cidr cidr = Cidr.parse("10.244.0.0/16");
		assertThat(cidr.first()).isEqualTo(new BigInteger("0af40000", 16));
		assertThat(cidr.last()).isEqualTo(new BigInteger("0af4ffff", 16));
	}

	@ParameterizedTest(name = "\"{0}\" {1}")
	@CsvSource(delimiter = '|', textBlock = """
			10.244.0.0           | must be a CIDR range such as 10.96.0.0/16 or fd00:10:96::/112
			''                   | must be a CIDR range such as 10.96.0.0/16 or fd00:10:96::/112
			/16                  | must start with an IPv4 or IPv6 address
			010.244.0.0/16       | must start with an IPv4 or IPv6 address
			pods.example/16      | must start with an IPv4 or IPv6 address
			::ffff:10.0.0.0/104  | must start with an IPv4 or IPv6 address
			fe80::%eth0/64       | must start with an IPv4 or IPv6 address
			10.244.0.0/33        | has a prefix length that is not between 0 and 32
			fd00::/129           | has a prefix length that is not between 0 and 128
			10.244.0.0/016       | has a prefix length that is not between 0 and 32
			10.244.0.0/-1        | has a prefix length that is not between 0 and 32
			10.244.0.0/+16       | has a prefix length that is not between 0 and 32
			10.244.0.0/ 16       | has a prefix length that is not between 0 and 32
			10.244.0.0/16/16     | has a prefix length that is not between 0 and 32
			10.244.0.0/          | has a prefix length that is not between 0 and 32
			""")
	void refusesWhatIsNotARange(String text, String reason) {
		assertThatExceptionOfType(Cidr.InvalidCidrException.class).isThrownBy(() -> Cidr.parse(text))
			.withMessage(reason);
	}

	@Test
	void refusesNull() {
		assertThatExceptionOfType(Cidr.InvalidCidrException.class).isThrownBy(() -> Cidr.parse(null));
	}

	@ParameterizedTest(name = "{0} suggests {1}")
	@CsvSource(textBlock = """
			10.244.0.1/16,          10.244.0.0/16
			10.244.255.255/8,       10.0.0.0/8
			fd00:10:244::1/56,      fd00:10:244::/56
			fd00:0:0:1::5/64,       fd00:0:0:1::/64
			1:0:0:1:0:0:0:1/64,     1:0:0:1::/64
			fd00:0:1:0:0:1::1/96,   fd00:0:1::1:0:0/96
			1:2:3:4:5:6:7:8/64,     1:2:3:4::/64
			1:0:1:0:1:0:1:1/127,    1:0:1:0:1:0:1:0/127
			::1/0,                  ::/0
			""")
	void refusesHostBitsWithTheRangeThatWasMeant(String text, String meant) {
		assertThatExceptionOfType(Cidr.InvalidCidrException.class).isThrownBy(() -> Cidr.parse(text))
			.withMessage("has host bits set; the range starts at " + meant);
	}

	@ParameterizedTest(name = "{0} and {1} overlap: {2}")
	@CsvSource(textBlock = """
			10.0.0.0/8,      10.96.0.0/16,     true
			10.96.0.0/16,    10.96.0.0/16,     true
			10.0.0.0/24,     10.0.0.255/32,    true
			10.96.0.0/16,    10.97.0.0/16,     false
			10.0.0.0/25,     10.0.0.128/25,    false
			0.0.0.0/0,       ::/0,             false
			fd00::/8,        fd00:10::/32,     true
			fd00:10::/32,    fd00:11::/32,     false
			""")
	void overlapsWhenTheyShareAnAddress(String a, String b, boolean overlap) throws Exception {
		assertThat(Cidr.parse(a).overlaps(Cidr.parse(b))).isEqualTo(overlap);
		assertThat(Cidr.parse(b).overlaps(Cidr.parse(a))).isEqualTo(overlap);
	}

}

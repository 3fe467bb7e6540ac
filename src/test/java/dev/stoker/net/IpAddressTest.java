package dev.stoker.net;

import java.math.BigInteger;
import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressTest {

	@ParameterizedTest(name = "{0} is {1} {2}")
	@CsvSource(textBlock = """
			10.0.0.1,                     IPV4, 0a000001
			0.0.0.0,                      IPV4, 0
			255.255.255.255,              IPV4, ffffffff
			::,                           IPV6, 0
			::1,                          IPV6, 1
			fd00::1,                      IPV6, fd000000000000000000000000000001
			FD00::1,                      IPV6, fd000000000000000000000000000001
			fd00:0:0:0:0:0:0:1,           IPV6, fd000000000000000000000000000001
			fd00:0000:0000::0001,         IPV6, fd000000000000000000000000000001
			2001:db8::1.2.3.4,            IPV6, 20010db8000000000000000001020304
			::1.2.3.4,                    IPV6, 01020304
			""")
	void parsesAddressLiterals(String text, IpFamily family, String hex) {
		assertThat(IpAddress.parse(text)).hasValue(new IpAddress(family, new BigInteger(hex, 16)));
	}

	@ParameterizedTest(name = "\"{0}\" is not an address")
	@ValueSource(strings = { "", " 10.0.0.1", "10.0.0.1 ", "010.0.0.1", "10.0.0.01", "1.2.3.04", "00.0.0.0",
			"256.0.0.1", "1.2.3", "1.2.3.4.5", "127.1", "2130706433", "0x7f.0.0.1", "0x7f000001", "1.2.3.4/32",
			"::ffff:1.2.3.4", "::ffff:102:304", "0:0:0:0:0:ffff:1.2.3.4", "fe80::1%eth0", "fe80::1%1", "[::1]",
			"[fd00::1]", "1::2::3", ":::", "12345::", "fd00::/64", "fd00::g", "localhost", "example.com", "k8s", ".::1",
			"::1." })
	void refusesEverythingElse(String text) {
		assertThat(IpAddress.parse(text)).isEmpty();
	}

	@Test
	void refusesNull() {
		assertThat(IpAddress.parse(null)).isEmpty();
	}

	/**
	 * The JDK answers "localhost" with 127.0.0.1 once it is asked. That parse refuses it
	 * shows the name never reached the JDK's resolver, or the answer would be an address.
	 */
	@Test
	void neverResolvesAHostName() throws Exception {
		assertThat(InetAddress.getByName("localhost").isLoopbackAddress()).isTrue();
		assertThat(IpAddress.parse("localhost")).isEmpty();
	}

}

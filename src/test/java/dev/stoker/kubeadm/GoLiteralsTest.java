package dev.stoker.kubeadm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.stoker.net.IpFamily;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker's own reading of Go's address, CIDR and host:port literals. */
class GoLiteralsTest {

	@ParameterizedTest(name = "{0} is an {1} address")
	@CsvSource(delimiter = ' ', textBlock = """
			10.0.0.5 IPV4
			0.0.0.0 IPV4
			255.255.255.255 IPV4
			:: IPV6
			::1 IPV6
			fd00:: IPV6
			fd00:1:2:3::2 IPV6
			1:2:3:4:5:6:7:8 IPV6
			1:2:3:4:5:6:7:: IPV6
			2001:10:20:30:40:50:1:2 IPV6
			2001:db8::192.0.2.1 IPV6
			::ffff:10.0.0.1 IPV6
			FD00:ABCD::1 IPV6
			""")
	void readsAnAddress(String text, IpFamily family) {
		assertThat(GoLiterals.ip(text)).contains(family);
	}

	@ParameterizedTest(name = "\"{0}\" is no address")
	@ValueSource(strings = { "", "10.0.0", "10.0.0.5.6", "256.0.0.1", "10.0.0.05", "010.0.0.5", "10.0.0.-1",
			"1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::", "1:2:3:4:5:6:7:8:9", "1::2::3", ":1::", "1::2:", ":::", "fd00::g",
			"12345::", "1.2.3.4::", "fe80::1%eth0", "[::1]", "k8s.example.com", " 10.0.0.5" })
	void refusesWhatIsNoAddress(String text) {
		assertThat(GoLiterals.ip(text)).isEmpty();
	}

	@ParameterizedTest(name = "{0} is a CIDR of prefix {1}")
	@CsvSource(delimiter = ' ', textBlock = """
			10.244.0.0/16 16
			10.0.0.0/0 0
			10.0.0.1/32 32
			fd00:10:244::/56 56
			::/128 128
			""")
	void readsACidr(String text, int prefix) {
		assertThat(GoLiterals.cidr(text)).hasValueSatisfying(cidr -> assertThat(cidr.prefix()).isEqualTo(prefix));
	}

	@ParameterizedTest(name = "\"{0}\" is no CIDR")
	@ValueSource(strings = { "10.0.0.0", "10.0.0.0/33", "fd00::/129", "10.0.0.0/16/8", "10.0.0.0/a", "/16", "10.0.0.0/",
			"10.0.0.0/1234" })
	void refusesWhatIsNoCidr(String text) {
		assertThat(GoLiterals.cidr(text)).isEmpty();
	}

	@ParameterizedTest(name = "{0} splits into {1} and {2}")
	@CsvSource(delimiter = ' ', textBlock = """
			k8s.example.com:6443 k8s.example.com 6443
			10.0.0.1:1 10.0.0.1 1
			[fd00::10]:65535 fd00::10 65535
			""")
	void splitsHostAndPort(String text, String host, int port) {
		assertThat(GoLiterals.splitHostPort(text)).contains(new GoLiterals.HostPort(host, port));
	}

	@ParameterizedTest(name = "\"{0}\" does not split into host and port")
	@ValueSource(strings = { "k8s.example.com", "k8s.example.com:", "k8s.example.com:0", "k8s.example.com:65536",
			"fd00::10:6443", "[fd00::10]", "[fd00::10]6443", "[k8s.example.com]:6443", "a:b:6443", "host:+1" })
	void refusesWhatDoesNotSplit(String text) {
		assertThat(GoLiterals.splitHostPort(text)).isEmpty();
	}

	@ParameterizedTest(name = "{0} is a DNS subdomain: {1}")
	@CsvSource(delimiter = ' ', textBlock = """
			cluster.local true
			k8s-int.example.internal true
			a true
			Cluster.local false
			-a.example false
			a-.example false
			a..b false
			a_b false
			""")
	void readsDnsSubdomains(String text, boolean valid) {
		assertThat(GoLiterals.isDnsSubdomain(text)).isEqualTo(valid);
	}

}

package dev.stoker.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.flatcar.NodePaths;
import dev.stoker.kubeadm.KubeadmConfigCheck;
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.secrets.SeededSecrets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs node-addresses.service's script as a host would, with its parameter file as
 * rendered for a cluster, the real bash and jq, and a stub {@code ip} that answers
 * {@code ip -j} JSON fixtures (shaped as iproute2's ip/ipaddress.c and ip/iproute.c print
 * them) and records every call. Each case either writes the right addresses file or fails
 * with exit status 1 and one line that names the family and what ip showed.
 */
class NodeAddressesHostSimulationTest {

	/**
	 * Short, so that the failing cases end quickly; the rendered value is checked apart.
	 */
	private static final int WAIT_SECONDS = 2;

	private static final String ROUTE4 = "-j -4 route show default";

	private static final String ROUTE6 = "-j -6 route show default";

	private static final String ADDRESSES4 = "-j -4 address show";

	private static final String ADDRESSES6 = "-j -6 address show";

	private static final String ETH0_DEFAULT4 = """
			[{"dst":"default","gateway":"10.0.0.1","dev":"eth0","protocol":"dhcp","prefsrc":"10.0.0.5","metric":1024,"flags":[]}]""";

	private static final String ETH0_DEFAULT6 = """
			[{"dst":"default","gateway":"fe80::1","dev":"eth0","protocol":"ra","metric":1024,"flags":[],"pref":"medium"}]""";

	private static final String ETH0_V4 = """
			[{"ifindex":1,"ifname":"lo","addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host","label":"lo","valid_life_time":4294967295,"preferred_life_time":4294967295}]},
			 {"ifindex":2,"ifname":"eth0","addr_info":[{"family":"inet","local":"10.0.0.5","prefixlen":24,"broadcast":"10.0.0.255","scope":"global","dynamic":true,"label":"eth0","valid_life_time":86100,"preferred_life_time":86100}]}]""";

	private static final String LINK_LOCAL6 = "{\"family\":\"inet6\",\"local\":\"fe80::5054:ff:fe12:3456\",\"prefixlen\":64,\"scope\":\"link\",\"valid_life_time\":4294967295,\"preferred_life_time\":4294967295}";

	private static final String STABLE6 = "{\"family\":\"inet6\",\"local\":\"2001:db8:0:1::5\",\"prefixlen\":64,\"scope\":\"global\",\"dynamic\":true,\"mngtmpaddr\":true,\"valid_life_time\":2591990,\"preferred_life_time\":604790}";

	private static final String TEMPORARY6 = "{\"family\":\"inet6\",\"local\":\"2001:db8:0:1:9c1e:77ff:3a2b:1c4d\",\"prefixlen\":64,\"scope\":\"global\",\"temporary\":true,\"dynamic\":true,\"valid_life_time\":86390,\"preferred_life_time\":14390}";

	private static final String DEPRECATED6 = "{\"family\":\"inet6\",\"local\":\"2001:db8:0:1::9\",\"prefixlen\":64,\"scope\":\"global\",\"dynamic\":true,\"deprecated\":true,\"valid_life_time\":3590,\"preferred_life_time\":0}";

	private static final String EXPIRED6 = "{\"family\":\"inet6\",\"local\":\"2001:db8:0:1::9\",\"prefixlen\":64,\"scope\":\"global\",\"dynamic\":true,\"valid_life_time\":3590,\"preferred_life_time\":0}";

	private static final String TENTATIVE6 = "{\"family\":\"inet6\",\"local\":\"2001:db8:0:1::5\",\"prefixlen\":64,\"scope\":\"global\",\"dynamic\":true,\"tentative\":true,\"valid_life_time\":2592000,\"preferred_life_time\":604800}";

	@TempDir
	Path dir;

	private Path fixtures;

	private Path calls;

	private Path stubs;

	private Path output;

	@BeforeEach
	void stubIp() throws IOException {
		fixtures = Files.createDirectory(dir.resolve("fixtures"));
		stubs = Files.createDirectory(dir.resolve("bin"));
		calls = dir.resolve("calls");
		output = dir.resolve("run").resolve("addresses.env");
		// Answers the fixture for its arguments, or the one for the n-th such call when
		// there is one (an address that appears later), or an empty list as ip does.
		HostSimulation.executable(stubs.resolve("ip"), """
				#!/bin/bash
				echo "$*" >> "$STUB_CALLS"
				all="$*"
				key=${all//[^A-Za-z0-9]/_}
				count=$(( $(cat "$STUB_FIXTURES/$key.count" 2>/dev/null || echo 0) + 1 ))
				echo "$count" > "$STUB_FIXTURES/$key.count"
				if [ -f "$STUB_FIXTURES/$key.$count" ]; then cat "$STUB_FIXTURES/$key.$count"
				elif [ -f "$STUB_FIXTURES/$key" ]; then cat "$STUB_FIXTURES/$key"
				else echo '[]'; fi
				""");
	}

	@Test
	void oneAddressPerFamilyFromTheDefaultRoutesInterface() throws Exception {
		answer(ROUTE4, ETH0_DEFAULT4);
		answer(ROUTE6, ETH0_DEFAULT6);
		answer(ADDRESSES4, ETH0_V4);
		answer(ADDRESSES6, eth0(LINK_LOCAL6, STABLE6));

		HostSimulation.Run run = run(ipv4First());

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(Files.readString(output))
			.isEqualTo("NODE_ADDRESS_IPV4=10.0.0.5\nNODE_ADDRESS_IPV6=2001:db8:0:1::5\n");
		assertThat(Files.getPosixFilePermissions(output)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(run.output())
			.contains("IPv6 address 2001:db8:0:1::5, found on eth0, the interface of the IPv6 default route");
	}

	@Test
	void withSeveralInterfacesTheOneOfTheLowestMetricDefaultRouteWins() throws Exception {
		answer(ROUTE4, """
				[{"dst":"default","gateway":"192.168.1.1","dev":"eth0","metric":200,"flags":[]},
				 {"dst":"default","gateway":"10.1.0.1","dev":"eth1","metric":100,"flags":[]}]""");
		answer(ROUTE6, """
				[{"dst":"default","gateway":"fe80::1","dev":"eth0","metric":1024,"flags":[],"pref":"medium"},
				 {"dst":"default","gateway":"fe80::2","dev":"eth1","metric":512,"flags":[],"pref":"medium"}]""");
		answer(ADDRESSES4,
				"""
						[{"ifindex":2,"ifname":"eth0","addr_info":[{"family":"inet","local":"192.168.1.5","prefixlen":24,"scope":"global","valid_life_time":4294967295,"preferred_life_time":4294967295}]},
						 {"ifindex":3,"ifname":"eth1","addr_info":[{"family":"inet","local":"10.1.0.7","prefixlen":16,"scope":"global","dynamic":true,"valid_life_time":3600,"preferred_life_time":3600}]}]""");
		answer(ADDRESSES6,
				"""
						[{"ifindex":2,"ifname":"eth0","addr_info":[{"family":"inet6","local":"2001:db8:a::5","prefixlen":64,"scope":"global","valid_life_time":4294967295,"preferred_life_time":4294967295}]},
						 {"ifindex":3,"ifname":"eth1","addr_info":[%s,{"family":"inet6","local":"2001:db8:b::7","prefixlen":64,"scope":"global","dynamic":true,"valid_life_time":3600,"preferred_life_time":1800}]}]"""
					.formatted(LINK_LOCAL6));

		HostSimulation.Run run = run(ipv4First());

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(Files.readString(output)).isEqualTo("NODE_ADDRESS_IPV4=10.1.0.7\nNODE_ADDRESS_IPV6=2001:db8:b::7\n");
	}

	@Test
	void anIpv6AddressThatAppearsAfterBootIsWaitedFor() throws Exception {
		answer(ROUTE4, ETH0_DEFAULT4);
		answer(ADDRESSES4, ETH0_V4);
		// no IPv6 default route before the first router advertisement, then one whose
		// address is still in duplicate address detection, then the address
		answer(ROUTE6 + "@1", "[]");
		answer(ROUTE6, ETH0_DEFAULT6);
		answer(ADDRESSES6 + "@1", eth0(LINK_LOCAL6, TENTATIVE6));
		answer(ADDRESSES6, eth0(LINK_LOCAL6, STABLE6));

		long started = System.nanoTime();
		HostSimulation.Run run = run(ipv4First(), 30);

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(Files.readString(output))
			.isEqualTo("NODE_ADDRESS_IPV4=10.0.0.5\nNODE_ADDRESS_IPV6=2001:db8:0:1::5\n");
		assertThat(Files.readAllLines(calls)).containsSubsequence(ROUTE6, ROUTE6, ADDRESSES6, ROUTE6, ADDRESSES6);
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(2000);
	}

	@ParameterizedTest(name = "{0}: never the node-ip")
	@ValueSource(strings = { "temporary", "deprecated", "expired", "tentative" })
	void onlyATemporaryDeprecatedOrTentativeAddressFailsAndSaysWhatItSaw(String kind) throws Exception {
		String address = switch (kind) {
			case "temporary" -> TEMPORARY6;
			case "deprecated" -> DEPRECATED6;
			case "expired" -> EXPIRED6;
			default -> TENTATIVE6;
		};
		answer(ROUTE6, ETH0_DEFAULT6);
		answer(ADDRESSES6, eth0(address, LINK_LOCAL6));

		HostSimulation.Run run = run(azure());

		assertThat(run.exitCode()).isEqualTo(1);
		String seen = switch (kind) {
			case "temporary" -> "eth0 2001:db8:0:1:9c1e:77ff:3a2b:1c4d/64 global temporary";
			case "deprecated" -> "eth0 2001:db8:0:1::9/64 global deprecated";
			case "expired" -> "eth0 2001:db8:0:1::9/64 global";
			default -> "eth0 2001:db8:0:1::5/64 global tentative";
		};
		assertThat(run.output())
			.isEqualTo("<3>no usable IPv6 address after 2s on eth0, the interface of the IPv6 default route"
					+ " (usable: global scope, not temporary, deprecated or tentative); ip shows: " + seen
					+ ", eth0 fe80::5054:ff:fe12:3456/64 link\n");
		assertThat(output).doesNotExist();
	}

	@Test
	void aStableAddressIsPreferredToATemporaryOneListedBeforeIt() throws Exception {
		answer(ROUTE6, ETH0_DEFAULT6);
		answer(ADDRESSES6, eth0(TEMPORARY6, DEPRECATED6, STABLE6));

		HostSimulation.Run run = run(azure());

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(Files.readString(output)).isEqualTo("NODE_ADDRESS_IPV6=2001:db8:0:1::5\n");
	}

	@Test
	void onlyALinkLocalAddressFails() throws Exception {
		answer(ROUTE6, ETH0_DEFAULT6);
		answer(ADDRESSES6, eth0(LINK_LOCAL6));

		HostSimulation.Run run = run(azure());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output())
			.startsWith("<3>no usable IPv6 address after 2s on eth0, the interface of the IPv6 default route (")
			.endsWith("; ip shows: eth0 fe80::5054:ff:fe12:3456/64 link\n");
		assertThat(output).doesNotExist();
	}

	@Test
	void withoutADefaultRouteItSaysSo() throws Exception {
		answer(ADDRESSES6, eth0(LINK_LOCAL6));

		HostSimulation.Run run = run(azure());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).startsWith(
				"<3>no usable IPv6 address after 2s on any interface: there is no IPv6 default route (usable: global");
	}

	@Test
	void mixedLooksOnlyForIpv6() throws Exception {
		answer(ROUTE6, ETH0_DEFAULT6);
		answer(ADDRESSES6, eth0(STABLE6));

		HostSimulation.Run run = run(azure());

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(Files.readString(output)).isEqualTo("NODE_ADDRESS_IPV6=2001:db8:0:1::5\n");
		assertThat(Files.readAllLines(calls)).noneMatch(call -> call.contains("-4"));
	}

	@Test
	void withNodeSubnetsTheAddressInsideThemWinsOverTheDefaultRoute() throws Exception {
		answer("-j -4 address show to 10.100.0.0/24",
				"""
						[{"ifindex":3,"ifname":"eth1","addr_info":[{"family":"inet","local":"10.100.0.9","prefixlen":24,"scope":"global","dynamic":true,"valid_life_time":3600,"preferred_life_time":3600}]}]""");
		answer(ROUTE4, ETH0_DEFAULT4);
		answer(ADDRESSES4, ETH0_V4);
		answer(ROUTE6, ETH0_DEFAULT6);
		answer(ADDRESSES6, eth0(STABLE6));

		HostSimulation.Run run = run(metal());

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(Files.readString(output))
			.isEqualTo("NODE_ADDRESS_IPV6=2001:db8:0:1::5\nNODE_ADDRESS_IPV4=10.100.0.9\n");
		assertThat(Files.readAllLines(calls)).as("the IPv4 default route plays no part")
			.doesNotContain(ROUTE4)
			.contains("-j -4 address show to 10.100.0.0/24");
	}

	@Test
	void addressesOutsideTheNodeSubnetsAreNotTaken() throws Exception {
		answer(ROUTE4, ETH0_DEFAULT4);
		answer(ADDRESSES4, ETH0_V4);
		answer(ROUTE6, ETH0_DEFAULT6);
		answer(ADDRESSES6, eth0(STABLE6));

		HostSimulation.Run run = run(metal());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).isEqualTo("IPv6 address 2001:db8:0:1::5, found on eth0, the interface of the IPv6"
				+ " default route\n<3>no usable IPv4 address after 2s inside 10.100.0.0/24 (usable: global scope,"
				+ " not temporary, deprecated or tentative); ip shows: lo 127.0.0.1/8 host, eth0 10.0.0.5/24"
				+ " global\n");
		assertThat(output).doesNotExist();
	}

	/**
	 * The whole way on a host: the script writes the file, kubeadm.service reads it as
	 * EnvironmentFile= and substitutes it. An IPv6-first control plane gets its IPv6
	 * address first in node-ip and as its advertise address; an IPv4-first one keeps IPv4
	 * first and leaves the advertise address to kubeadm.
	 */
	@ParameterizedTest(name = "IPv6 first: {0}")
	@ValueSource(booleans = { true, false })
	void nodeIpAndAdvertiseAddressFollowTheClustersFamilyOrder(boolean ipv6First) throws Exception {
		ValidCluster cluster = ipv6First ? metal() : ipv4First();
		answer("-j -4 address show to 10.100.0.0/24",
				"""
						[{"ifindex":2,"ifname":"eth0","addr_info":[{"family":"inet","local":"10.100.0.9","prefixlen":24,"scope":"global","valid_life_time":4294967295,"preferred_life_time":4294967295}]}]""");
		answer(ROUTE4, ETH0_DEFAULT4);
		answer(ADDRESSES4, ETH0_V4);
		answer(ROUTE6, ETH0_DEFAULT6);
		answer(ADDRESSES6, eth0(STABLE6));
		HostSimulation.Run found = run(cluster);
		assertThat(found.exitCode()).as(found.output()).isZero();

		ValidGroup group = RenderExamples.group(cluster, "bootstrap");
		KubeadmSecrets secrets = secrets(cluster);
		ButaneConfig butane = NodeButane.forGroup(cluster, group, secrets, null, null);
		Path in = dir.resolve("kubeadm.yml");
		Path out = dir.resolve("kubeadm-final.yml");
		Files.writeString(in, file(butane, KubeadmUnit.CONFIG));
		UnitLines unit = new UnitLines(unit(butane, KubeadmUnit.NAME));
		assertThat(unit.values("EnvironmentFile")).contains("-" + NodePaths.NODE_ADDRESSES);
		Map<String, String> environment = HostSimulation.metadata(Files.readString(output));
		assertThat(HostSimulation.run(unit.execLine(" is empty or missing "), in, out, environment).exitCode())
			.isZero();
		HostSimulation.Run substituted = HostSimulation.run(unit.execLine("envsubst"), in, out, environment);
		assertThat(substituted.exitCode()).as(substituted.output()).isZero();

		String config = Files.readString(out);
		KubeadmConfigCheck.assertValid(config, cluster.kubeadmApiVersion(), KubeadmConfigCheck.Command.INIT,
				secrets.uploadsCertificates() ? KubeadmConfigCheck.ControlPlaneKeys.UPLOADED
						: KubeadmConfigCheck.ControlPlaneKeys.SHARED);
		String ipv4 = ipv6First ? "10.100.0.9" : "10.0.0.5";
		assertThat(config).contains("value: \"" + (ipv6First ? "2001:db8:0:1::5," + ipv4 : ipv4 + ",2001:db8:0:1::5"));
		if (ipv6First) {
			assertThat(config).contains("advertiseAddress: \"2001:db8:0:1::5\"");
		}
		else {
			assertThat(config).doesNotContain("advertiseAddress");
		}
	}

	@Test
	void theRenderedUnitRunsTheScriptWithItsParametersAndWaitsAMinute() throws Exception {
		ValidCluster cluster = metal();
		UnitLines unit = new UnitLines(NodeAddressesUnit.unit().contents());
		assertThat(unit.values("ExecStart")).containsExactly(NodePaths.NODE_ADDRESSES_SCRIPT);
		assertThat(unit.values("EnvironmentFile")).containsExactly(NodePaths.NODE_ADDRESSES_PARAMETERS);
		assertThat(unit.values("Before")).containsExactly(KubeadmUnit.NAME);
		assertThat(parameters(cluster)).containsExactly(Map.entry("NODE_ADDRESS_FAMILIES", "ipv6,ipv4"),
				Map.entry("NODE_SUBNETS_IPV4", "10.100.0.0/24"), Map.entry("NODE_ADDRESS_WAIT_SECONDS", "60"),
				Map.entry("NODE_ADDRESSES_FILE", NodePaths.NODE_ADDRESSES));
	}

	/**
	 * Runs the script of the cluster's group documents as node-addresses.service would.
	 */
	private HostSimulation.Run run(ValidCluster cluster) throws IOException, InterruptedException {
		return run(cluster, WAIT_SECONDS);
	}

	private HostSimulation.Run run(ValidCluster cluster, int waitSeconds) throws IOException, InterruptedException {
		ButaneConfig butane = NodeButane.forGroup(cluster, cluster.groups().get(0), secrets(cluster), null, null);
		Path script = dir.resolve("node-addresses");
		Files.writeString(script, file(butane, NodePaths.NODE_ADDRESSES_SCRIPT));
		Map<String, String> parameters = HostSimulation.metadata(file(butane, NodePaths.NODE_ADDRESSES_PARAMETERS));
		assertThat(parameters).isEqualTo(parameters(cluster));
		parameters.put("NODE_ADDRESS_WAIT_SECONDS", Integer.toString(waitSeconds));
		parameters.put("NODE_ADDRESSES_FILE", output.toString());

		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("PATH", stubs + ":/usr/local/bin:/usr/bin:/bin");
		environment.put("STUB_CALLS", calls.toString());
		environment.put("STUB_FIXTURES", fixtures.toString());
		environment.putAll(parameters);
		return HostSimulation.bash(environment, Duration.ofSeconds(30), script.toString());
	}

	private static Map<String, String> parameters(ValidCluster cluster) {
		return new LinkedHashMap<>(NodeAddressesUnit.parameters(cluster).variables());
	}

	/** What ip answers to these arguments; {@code args@n} for its n-th such call only. */
	private void answer(String args, String json) throws IOException {
		String[] parts = args.split("@");
		String key = parts[0].replaceAll("[^A-Za-z0-9]", "_");
		Files.writeString(fixtures.resolve(parts.length == 2 ? key + "." + parts[1] : key), json + "\n");
	}

	private static String eth0(String... addresses) {
		return "[{\"ifindex\":2,\"ifname\":\"eth0\",\"addr_info\":[" + String.join(",", addresses) + "]}]";
	}

	/** Dual-stack on Azure: IPv4 from Afterburn, IPv6 from the interfaces. */
	private static ValidCluster azure() throws Exception {
		ValidCluster cluster = RenderExamples.example("azure-dual-stack.yaml");
		assertThat(cluster.interfaceFamilies()).hasSize(1);
		return cluster;
	}

	/** IPv6-first metal with an IPv4 node subnet. */
	private static ValidCluster metal() throws Exception {
		return RenderExamples.example("metal-dual-stack.yaml");
	}

	/** IPv4-first metal, both families from the default routes' interfaces. */
	private static ValidCluster ipv4First() throws Exception {
		String yaml = Files.readString(Path.of("examples", "metal-dual-stack.yaml"))
			.replace("podSubnets: [\"fd00:10:244::/56\", 10.244.0.0/16]",
					"podSubnets: [10.244.0.0/16, \"fd00:10:244::/56\"]")
			.replace("serviceSubnets: [\"fd00:10:96::/112\", 10.96.0.0/16]",
					"serviceSubnets: [10.96.0.0/16, \"fd00:10:96::/112\"]")
			.replace("  nodeSubnets: [10.100.0.0/24]\n", "");
		ValidCluster cluster = RenderExamples.parse(yaml);
		assertThat(cluster.networking().isIpv6First()).isFalse();
		assertThat(cluster.networking().nodeSubnets()).isEmpty();
		return cluster;
	}

	private static KubeadmSecrets secrets(ValidCluster cluster) {
		return SeededSecrets.of(cluster.name(), Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));
	}

	private static String file(ButaneConfig butane, String path) {
		return butane.storage()
			.files()
			.stream()
			.filter(f -> f.path().equals(path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no file " + path))
			.contents()
			.inline();
	}

	private static String unit(ButaneConfig butane, String name) {
		return butane.systemd()
			.units()
			.stream()
			.filter(u -> u.name().equals(name))
			.findFirst()
			.orElseThrow()
			.contents();
	}

}

package dev.stoker.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stoker.net.IpFamily;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform table against what Afterburn writes. Flatcar's coreos-metadata.service
 * rewrites Afterburn's attribute names (AFTERBURN_ to COREOS_, AWS to EC2, GCP to GCE),
 * so the table spells them as they appear in /run/metadata/flatcar, with the Afterburn
 * release that first writes each.
 */
class PlatformTest {

	private static final AfterburnVersion FLATCAR_AFTERBURN = new AfterburnVersion(5, 10, 0);

	private static final AfterburnVersion UNRELEASED_AFTERBURN = new AfterburnVersion(5, 11, 0);

	/**
	 * platform, IPv4 variable and release, IPv6 variable and release; null where
	 * Afterburn has none.
	 */
	private static final List<Row> TABLE = List.of(
			row(Platform.AWS, "COREOS_EC2_IPV4_LOCAL", "4.0.0", "COREOS_EC2_IPV6", "5.3.0"),
			row(Platform.AZURE, "COREOS_AZURE_IPV4_DYNAMIC", "1.0.0", null, null),
			row(Platform.DIGITALOCEAN, "COREOS_DIGITALOCEAN_IPV4_PRIVATE_0", "1.0.0",
					"COREOS_DIGITALOCEAN_IPV6_PUBLIC_0", "1.0.0"),
			row(Platform.GCP, "COREOS_GCE_IP_LOCAL_0", "4.0.0", null, null),
			row(Platform.HETZNER, "COREOS_HETZNER_PRIVATE_IPV4_0", "5.7.0", "COREOS_HETZNER_PUBLIC_IPV6", "5.11.0"),
			row(Platform.KUBEVIRT, "COREOS_KUBEVIRT_IPV4", "5.11.0", "COREOS_KUBEVIRT_IPV6", "5.11.0"),
			row(Platform.OPENSTACK, "COREOS_OPENSTACK_IPV4_LOCAL", "4.5.0", null, null),
			row(Platform.PACKET, "COREOS_PACKET_IPV4_PRIVATE_0", "1.0.0", "COREOS_PACKET_IPV6_PUBLIC_0", "1.0.0"),
			row(Platform.PROXMOXVE, "COREOS_PROXMOXVE_IPV4", "5.7.0", "COREOS_PROXMOXVE_IPV6", "5.7.0"),
			// as Afterburn's Scaleway provider writes them; its attribute
			// list says SCALEWAY_PRIVATE_IPV4
			row(Platform.SCALEWAY, "COREOS_SCALEWAY_IPV4_PRIVATE", "5.5.0", "COREOS_SCALEWAY_IPV6_PUBLIC", "5.5.0"),
			row(Platform.AKAMAI, null, null, null, null), row(Platform.VULTR, null, null, null, null),
			row(Platform.CUSTOM, "COREOS_CUSTOM_PRIVATE_IPV4", "1.0.0", "COREOS_CUSTOM_PRIVATE_IPV6", "1.0.0"),
			row(Platform.METAL, null, null, null, null));

	static Stream<Arguments> table() {
		return TABLE.stream().map(row -> Arguments.of(row.platform().wireName(), row));
	}

	@Test
	void theTableHasEveryPlatform() {
		assertThat(TABLE).extracting(Row::platform).containsExactlyInAnyOrder(Platform.values());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void namesTheVariablesAsFlatcarWritesThem(String platform, Row row) {
		assertThat(row.platform().listedAddress(IpFamily.IPV4)).isEqualTo(row.ipv4());
		assertThat(row.platform().listedAddress(IpFamily.IPV6)).isEqualTo(row.ipv6());
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource
	void variablesCarryThePlatformAsFlatcarRenamesIt(Platform platform) {
		// coreos-metadata.service: s/AFTERBURN/COREOS/g; s/AWS/EC2/g; s/GCP/GCE/g
		String flatcarPlatform = platform.wireName()
			.toUpperCase(Locale.ROOT)
			.replace("AWS", "EC2")
			.replace("GCP", "GCE");
		for (IpFamily family : IpFamily.values()) {
			platform.listedAddress(family)
				.ifPresent(v -> assertThat(v.name()).startsWith("COREOS_" + flatcarPlatform + "_")
					.matches("[A-Z0-9_]+")
					.doesNotContain("AFTERBURN"));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void offersOnlyTheVariablesOfTheAfterburnFlatcarShips(String platform, Row row) {
		for (IpFamily family : IpFamily.values()) {
			Optional<AddressVariable> listed = row.platform().listedAddress(family);
			Optional<AddressVariable> shipped = listed.filter(v -> v.since().compareTo(FLATCAR_AFTERBURN) <= 0);
			assertThat(row.platform().address(family)).as(family.toString()).isEqualTo(shipped);
		}
	}

	@Test
	void flatcarShipsAfterburn5_10_0() {
		assertThat(AfterburnVersion.SHIPPED_BY_FLATCAR).isEqualTo(FLATCAR_AFTERBURN);
		assertThat(AfterburnVersion.SHIPPED_BY_FLATCAR).hasToString("5.10.0");
	}

	@ParameterizedTest(name = "{0} IPv6 is listed but not offered")
	@EnumSource(names = { "HETZNER", "KUBEVIRT" })
	void ipv6OfHetznerAndKubevirtWaitsForAfterburn5_11(Platform platform) {
		assertThat(platform.listedAddress(IpFamily.IPV6)).hasValueSatisfying(v -> {
			assertThat(v.since()).isEqualTo(UNRELEASED_AFTERBURN);
			assertThat(v.isShipped()).isFalse();
		});
		assertThat(platform.address(IpFamily.IPV6)).isEmpty();
	}

	@Test
	void hetznerIpv4IsOfferedAlready() {
		assertThat(Platform.HETZNER.address(IpFamily.IPV4)).map(AddressVariable::name)
			.hasValue("COREOS_HETZNER_PRIVATE_IPV4_0");
	}

	@Test
	void onlyMetalHasNoMetadataService() {
		assertThat(Arrays.stream(Platform.values()).filter(p -> !p.hasMetadataService()))
			.containsExactly(Platform.METAL);
	}

	@Test
	void onlyAkamaiHasAddressesThatCannotServeAsNodeIp() {
		assertThat(Platform.AKAMAI.unusableAddresses())
			.hasValueSatisfying(reason -> assertThat(reason).contains("prefix length"));
		assertThat(Stream.of(Platform.values()).filter(p -> p.unusableAddresses().isPresent()))
			.containsExactly(Platform.AKAMAI);
	}

	@Test
	void afterburnVersionsCompareByMajorMinorPatch() {
		assertThat(Stream.of(v("5.10.0"), v("4.5.0"), v("5.9.9"), v("5.11.0"), v("5.3.0"), v("10.0.0")).sorted())
			.containsExactly(v("4.5.0"), v("5.3.0"), v("5.9.9"), v("5.10.0"), v("5.11.0"), v("10.0.0"));
	}

	private static Row row(Platform platform, String ipv4, String ipv4Since, String ipv6, String ipv6Since) {
		return new Row(platform, variable(ipv4, ipv4Since), variable(ipv6, ipv6Since));
	}

	private static Optional<AddressVariable> variable(String name, String since) {
		return Optional.ofNullable(name).map(n -> new AddressVariable(n, v(since)));
	}

	private static AfterburnVersion v(String text) {
		int[] parts = Arrays.stream(text.split("\\.")).mapToInt(Integer::parseInt).toArray();
		return new AfterburnVersion(parts[0], parts[1], parts[2]);
	}

	record Row(Platform platform, Optional<AddressVariable> ipv4, Optional<AddressVariable> ipv6) {

		@Override
		public String toString() {
			return platform.wireName();
		}

	}

}

package dev.stoker.platform;

import java.util.List;
import java.util.Optional;

import dev.stoker.json.WireEnum;
import dev.stoker.net.IpFamily;

/**
 * The platform table: per Afterburn platform id, the variables in
 * {@code /run/metadata/flatcar} that carry the node's own (private where there is a
 * choice) IPv4 and IPv6 address.
 *
 * <p>
 * Flatcar's coreos-metadata.service rewrites Afterburn's output with
 * {@code s/AFTERBURN/COREOS/g; s/AWS/EC2/g; s/GCP/GCE/g}, hence COREOS_EC2_* and
 * COREOS_GCE_*. The Scaleway names are the ones Afterburn's source writes (its attribute
 * list in the docs spells them differently). Platforms listed without variables are
 * accepted only for clusters whose machines are static {@code nodes} entries.
 */
public enum Platform implements WireEnum {

	AWS("aws", v("COREOS_EC2_IPV4_LOCAL", 4, 0, 0), v("COREOS_EC2_IPV6", 5, 3, 0)),
	AZURE("azure", v("COREOS_AZURE_IPV4_DYNAMIC", 1, 0, 0), null),
	DIGITALOCEAN("digitalocean", v("COREOS_DIGITALOCEAN_IPV4_PRIVATE_0", 1, 0, 0),
			v("COREOS_DIGITALOCEAN_IPV6_PUBLIC_0", 1, 0, 0)),
	GCP("gcp", v("COREOS_GCE_IP_LOCAL_0", 4, 0, 0), null),
	HETZNER("hetzner", v("COREOS_HETZNER_PRIVATE_IPV4_0", 5, 7, 0), v("COREOS_HETZNER_PUBLIC_IPV6", 5, 11, 0)),
	KUBEVIRT("kubevirt", v("COREOS_KUBEVIRT_IPV4", 5, 11, 0), v("COREOS_KUBEVIRT_IPV6", 5, 11, 0)),
	OPENSTACK("openstack", v("COREOS_OPENSTACK_IPV4_LOCAL", 4, 5, 0), null),
	PACKET("packet", v("COREOS_PACKET_IPV4_PRIVATE_0", 1, 0, 0), v("COREOS_PACKET_IPV6_PUBLIC_0", 1, 0, 0)),
	PROXMOXVE("proxmoxve", v("COREOS_PROXMOXVE_IPV4", 5, 7, 0), v("COREOS_PROXMOXVE_IPV6", 5, 7, 0)),
	SCALEWAY("scaleway", v("COREOS_SCALEWAY_IPV4_PRIVATE", 5, 5, 0), v("COREOS_SCALEWAY_IPV6_PUBLIC", 5, 5, 0)),
	AKAMAI("akamai", null, null,
			"Afterburn writes Akamai addresses with a prefix length (10.0.0.1/32), which the kubelet's node-ip does not accept"),
	/** Afterburn reads no address on Vultr. */
	VULTR("vultr", null, null),
	/**
	 * The operator's own coreos-metadata.service writes these, as Flatcar's dynamic-data
	 * page shows.
	 */
	CUSTOM("custom", v("COREOS_CUSTOM_PRIVATE_IPV4", 1, 0, 0), v("COREOS_CUSTOM_PRIVATE_IPV6", 1, 0, 0)),
	/** No metadata service: every machine is a static nodes entry. */
	METAL("metal", null, null);

	private final String wireName;

	private final AddressVariable ipv4;

	private final AddressVariable ipv6;

	private final String unusableAddresses;

	Platform(String wireName, AddressVariable ipv4, AddressVariable ipv6) {
		this(wireName, ipv4, ipv6, null);
	}

	Platform(String wireName, AddressVariable ipv4, AddressVariable ipv6, String unusableAddresses) {
		this.wireName = wireName;
		this.ipv4 = ipv4;
		this.ipv6 = ipv6;
		this.unusableAddresses = unusableAddresses;
	}

	/**
	 * Why the addresses Afterburn does write on this platform cannot serve as node-ip, if
	 * so.
	 */
	public Optional<String> unusableAddresses() {
		return Optional.ofNullable(unusableAddresses);
	}

	private static AddressVariable v(String name, int major, int minor, int patch) {
		return new AddressVariable(name, new AfterburnVersion(major, minor, patch));
	}

	@Override
	public String wireName() {
		return wireName;
	}

	/** Whether nodes on this platform get their metadata from Afterburn at all. */
	public boolean hasMetadataService() {
		return this != METAL;
	}

	/**
	 * The variable in the table for this family, whether or not Flatcar's Afterburn
	 * writes it yet.
	 */
	public Optional<AddressVariable> listedAddress(IpFamily family) {
		return Optional.ofNullable(family == IpFamily.IPV4 ? ipv4 : ipv6);
	}

	/**
	 * The variable a node on this platform can read its address of this family from
	 * today.
	 */
	public Optional<AddressVariable> address(IpFamily family) {
		return listedAddress(family).filter(AddressVariable::isShipped);
	}

	/**
	 * The variables a machine reads its addresses of these families from, in the same
	 * order; empty unless the platform's metadata gives every one of them, as a node
	 * group's shared document needs.
	 */
	public Optional<List<AddressVariable>> addressVariables(List<IpFamily> families) {
		if (!hasMetadataService() || !families.stream().allMatch((family) -> address(family).isPresent())) {
			return Optional.empty();
		}
		return Optional.of(families.stream().map((family) -> address(family).orElseThrow()).toList());
	}

}

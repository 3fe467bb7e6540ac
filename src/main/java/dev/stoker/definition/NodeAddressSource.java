package dev.stoker.definition;

import java.util.List;

import dev.stoker.json.WireEnum;
import dev.stoker.net.IpFamily;
import dev.stoker.platform.Platform;

/**
 * Where the machines of a node group learn their own addresses, which their kubelet's
 * node-ip (and an IPv6-first control plane's advertise address) are made of.
 */
public enum NodeAddressSource implements WireEnum {

	/** Every family from the platform's Afterburn metadata. */
	AFTERBURN("afterburn"),
	/**
	 * IPv4 from Afterburn, IPv6 from the node's interfaces: for dual-stack clusters on
	 * platforms whose metadata has no IPv6 address.
	 */
	MIXED("mixed"),
	/** Every family from the node's own interfaces. */
	INTERFACES("interfaces"),
	/**
	 * Only the machines listed under nodes, with their literal addresses; the groups have
	 * no document of their own.
	 */
	NODES("nodes");

	private final String wireName;

	NodeAddressSource(String wireName) {
		this.wireName = wireName;
	}

	@Override
	public String wireName() {
		return wireName;
	}

	/**
	 * The source a definition gets when it names none: Afterburn where the platform gives
	 * every family; the listed machines where there are some (as before there were other
	 * sources, so a stored cluster keeps its documents); Afterburn's IPv4 with the
	 * interfaces' IPv6 where the platform gives only IPv4; otherwise the interfaces.
	 */
	public static NodeAddressSource defaultFor(Platform platform, List<IpFamily> families, boolean staticNodes) {
		if (platform.addressVariables(families).isPresent()) {
			return AFTERBURN;
		}
		if (staticNodes) {
			return NODES;
		}
		if (MIXED.isPossible(platform, families)) {
			return MIXED;
		}
		return INTERFACES;
	}

	/**
	 * Whether this source can give nodes of a cluster with these families on this
	 * platform every address: only nodes needs the machines listed, which is checked
	 * apart.
	 */
	public boolean isPossible(Platform platform, List<IpFamily> families) {
		return switch (this) {
			case AFTERBURN -> platform.addressVariables(families).isPresent();
			case MIXED -> families.size() == 2 && platform.addressVariables(List.of(IpFamily.IPV4)).isPresent();
			case INTERFACES, NODES -> true;
		};
	}

	/** The families a group's machines read from their interfaces, in family order. */
	public List<IpFamily> interfaceFamilies(List<IpFamily> families) {
		return switch (this) {
			case INTERFACES -> families;
			case MIXED -> families.stream().filter((family) -> family == IpFamily.IPV6).toList();
			case AFTERBURN, NODES -> List.of();
		};
	}

}

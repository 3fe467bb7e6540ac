package dev.stoker.render;

import java.util.ArrayList;
import java.util.List;

import dev.stoker.definition.ClusterDefinition;
import dev.stoker.definition.NodeGroup;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.StaticNode;
import dev.stoker.kubeadm.NodeAddresses;
import dev.stoker.net.Cidr;
import dev.stoker.net.IpFamily;
import dev.stoker.platform.AddressVariable;

/**
 * Where a node's own addresses come from, in the family order of the cluster's subnets:
 * the Afterburn variables of its platform (substituted on the host at boot), or a static
 * node's literal addresses.
 *
 * @param addresses node-ip and, on control planes of an IPv6-first cluster, the advertise
 * address, as written into the kubeadm config
 * @param variables the Afterburn variables those hold, which the host must substitute
 * (empty for a static node)
 */
public record AddressSource(NodeAddresses addresses, List<String> variables) {

	public AddressSource {
		variables = List.copyOf(variables);
	}

	/** A group's machines read their addresses from the platform's metadata. */
	public static AddressSource forGroup(ClusterDefinition cluster, NodeGroup group) {
		List<String> variables = new ArrayList<>();
		String ipv6 = null;
		for (IpFamily family : families(cluster)) {
			AddressVariable variable = cluster.platform()
				.address(family)
				.orElseThrow(() -> new IllegalStateException("platform " + cluster.platform().wireName()
						+ " gives nodes no " + family + " address; validation refuses such a cluster"));
			variables.add(variable.name());
			if (family == IpFamily.IPV6) {
				ipv6 = "$" + variable.name();
			}
		}
		List<String> references = variables.stream().map(name -> "$" + name).toList();
		return new AddressSource(
				new NodeAddresses(String.join(",", references), advertise(cluster, group.role(), ipv6)), variables);
	}

	/**
	 * Whether the platform's metadata gives a node an address of every cluster family, so
	 * that a group document ({@link #forGroup}) can exist.
	 */
	public static boolean platformGivesEveryAddress(ClusterDefinition cluster) {
		return cluster.platform().hasMetadataService()
				&& families(cluster).stream().allMatch(family -> cluster.platform().address(family).isPresent());
	}

	/** A static node's addresses are known: nothing is left for the host. */
	public static AddressSource forNode(ClusterDefinition cluster, StaticNode node, NodeRole role) {
		List<String> addresses = families(cluster).stream()
			.map(family -> family == IpFamily.IPV4 ? node.ipv4() : node.ipv6())
			.toList();
		return new AddressSource(new NodeAddresses(String.join(",", addresses), advertise(cluster, role, node.ipv6())),
				List.of());
	}

	/**
	 * kube-apiserver refuses an advertise address whose family differs from the first
	 * service range's, and kubeadm picks an IPv4 one by default: IPv6-first control
	 * planes advertise their IPv6 address.
	 */
	private static String advertise(ClusterDefinition cluster, NodeRole role, String ipv6) {
		boolean ipv6First = families(cluster).get(0) == IpFamily.IPV6;
		return ipv6First && role != NodeRole.WORKER ? ipv6 : null;
	}

	static List<IpFamily> families(ClusterDefinition cluster) {
		return cluster.networking().podSubnets().stream().map(AddressSource::family).toList();
	}

	private static IpFamily family(String cidr) {
		try {
			return Cidr.parse(cidr).family();
		}
		catch (Cidr.InvalidCidrException ex) {
			throw new IllegalStateException("a stored definition holds a subnet that validation refuses", ex);
		}
	}

}

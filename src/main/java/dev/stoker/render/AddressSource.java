package dev.stoker.render;

import java.util.List;

import dev.stoker.definition.NodeRole;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.definition.ValidNode;
import dev.stoker.definition.ValidNode.NodeAddress;
import dev.stoker.flatcar.HostVariable;
import dev.stoker.kubeadm.NodeAddresses;
import dev.stoker.net.IpFamily;

/**
 * Where a node's own addresses come from, in the family order of the cluster's subnets:
 * host variables that Afterburn or node-addresses.service write (substituted on the host
 * at boot), or a static node's literal addresses.
 *
 * @param addresses node-ip and, on control planes of an IPv6-first cluster, the advertise
 * address, as written into the kubeadm config
 * @param variables the host variables those hold, which the host must substitute (empty
 * for a static node)
 */
record AddressSource(NodeAddresses addresses, List<HostVariable> variables) {

	AddressSource {
		variables = List.copyOf(variables);
	}

	/**
	 * A group's machines read their addresses from host variables; a cluster whose
	 * address source is its listed machines has no group documents.
	 */
	static AddressSource forGroup(ValidCluster cluster, ValidGroup group) {
		List<HostVariable> variables = cluster.groupAddresses()
			.orElseThrow(() -> new IllegalArgumentException("the machines of cluster " + cluster.name()
					+ " learn their addresses only as static nodes: node group " + group.name() + " has no document"));
		List<String> references = variables.stream().map((variable) -> "$" + variable.name()).toList();
		String ipv6 = null;
		for (int i = 0; i < variables.size(); i++) {
			if (cluster.families().get(i) == IpFamily.IPV6) {
				ipv6 = references.get(i);
			}
		}
		return new AddressSource(
				new NodeAddresses(String.join(",", references), advertise(cluster, group.role(), ipv6)), variables);
	}

	/** A static node's addresses are known: nothing is left for the host. */
	static AddressSource forNode(ValidCluster cluster, ValidNode node, NodeRole role) {
		List<String> addresses = node.addresses().stream().map(NodeAddress::text).toList();
		String ipv6 = node.address(IpFamily.IPV6).map(NodeAddress::text).orElse(null);
		return new AddressSource(new NodeAddresses(String.join(",", addresses), advertise(cluster, role, ipv6)),
				List.of());
	}

	/**
	 * kube-apiserver refuses an advertise address whose family differs from the first
	 * service range's, and kubeadm picks an IPv4 one by default: IPv6-first control
	 * planes advertise their IPv6 address.
	 */
	private static String advertise(ValidCluster cluster, NodeRole role, String ipv6) {
		return cluster.networking().isIpv6First() && role != NodeRole.WORKER ? ipv6 : null;
	}

}

package dev.stoker.definition.validation;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.stoker.definition.ClusterDefaults;
import dev.stoker.definition.NodeGroup;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.StaticNode;
import dev.stoker.net.IpAddress;
import dev.stoker.net.IpFamily;

/** Static nodes: named machines with literal addresses in every family of the cluster. */
final class StaticNodeRules {

	private StaticNodeRules() {
	}

	static void check(List<StaticNode> nodes, List<NodeGroup> declaredGroups, List<IpFamily> families,
			FieldErrors problems) {
		if (nodes == null) {
			return;
		}
		// empty when no group is usable: that is reported under /nodeGroups, with no
		// group to name here
		Map<String, NodeRole> roles = roles(declaredGroups == null ? ClusterDefaults.NODE_GROUPS : declaredGroups);
		Set<String> names = new HashSet<>();
		Set<IpAddress> addresses = new HashSet<>();
		int bootstrapNodes = 0;
		for (int i = 0; i < nodes.size(); i++) {
			String at = "/nodes/" + i;
			StaticNode node = nodes.get(i);
			if (node == null) {
				problems.required(at, "must be a node object");
				continue;
			}
			if (node.name() == null) {
				problems.required(at + "/name");
			}
			else {
				KubernetesSyntax.dnsLabel(node.name()).ifPresent(d -> problems.add(at + "/name", d));
				if (!names.add(node.name())) {
					problems.add(at + "/name", "repeats the name of an earlier node");
				}
			}
			if (node.group() == null) {
				problems.required(at + "/group");
			}
			else if (!roles.isEmpty() && !roles.containsKey(node.group())) {
				problems.add(at + "/group", "must name one of the node groups: " + String.join(", ", roles.keySet()));
			}
			else if (roles.get(node.group()) == NodeRole.BOOTSTRAP && ++bootstrapNodes > 1) {
				problems.add(at + "/group",
						"must not be the bootstrap group again: only one machine runs kubeadm init");
			}
			address(node.ipv4(), IpFamily.IPV4, at + "/ipv4", families, addresses, problems);
			address(node.ipv6(), IpFamily.IPV6, at + "/ipv6", families, addresses, problems);
		}
	}

	private static void address(String text, IpFamily family, String at, List<IpFamily> families, Set<IpAddress> seen,
			FieldErrors problems) {
		if (text == null) {
			if (families.contains(family)) {
				problems.required(at, "is required: the cluster has " + family + " subnets");
			}
			return;
		}
		IpAddress address = IpAddress.parse(text).filter(a -> a.family() == family).orElse(null);
		if (address == null) {
			problems.add(at, "must be an " + family + " address");
		}
		else if (!families.isEmpty() && !families.contains(family)) {
			problems.add(at, "must be left out: the cluster has no " + family + " subnets");
		}
		else if (!seen.add(address)) {
			problems.add(at, "repeats the address of an earlier node");
		}
	}

	private static Map<String, NodeRole> roles(List<NodeGroup> groups) {
		return groups.stream()
			.filter(g -> g != null && g.name() != null && g.role() != null)
			.collect(Collectors.toMap(NodeGroup::name, NodeGroup::role, (a, b) -> a, LinkedHashMap::new));
	}

}

package dev.stoker.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Unit;
import dev.stoker.definition.Subnet;
import dev.stoker.definition.ValidCluster;
import dev.stoker.flatcar.HostVariable;
import dev.stoker.flatcar.NodePaths;
import dev.stoker.net.IpFamily;
import dev.stoker.systemd.Command;
import dev.stoker.systemd.EnvironmentFile;
import dev.stoker.systemd.UnitFile;
import dev.stoker.systemd.UnitWriter;

/**
 * node-addresses.service: before kubeadm.service, finds the node's own addresses of the
 * families its platform's metadata does not give, on its network interfaces, and writes
 * them to {@link NodePaths#NODE_ADDRESSES} for kubeadm.service to substitute. The script
 * is the same static file on every node; what differs goes into its parameter file.
 *
 * <p>
 * Like kubeadm.service, a oneshot that systemd runs again until it succeeds
 * ({@code Restart=on-failure}, start rate limit off): the script bounds its own wait, so
 * each attempt ends, and its failure line tells the journal what it saw.
 */
final class NodeAddressesUnit {

	static final String NAME = HostVariable.NODE_ADDRESSES_UNIT;

	/** The script, a resource next to this class. */
	private static final String SCRIPT = NodeFiles.script("node-addresses.sh");

	/**
	 * How long one attempt waits for every address: router advertisements come every 200
	 * to 600 seconds unsolicited by default (RFC 4861 MaxRtrAdvInterval), but a router
	 * answers the host's solicitation at boot within seconds; a longer wait is left to
	 * the retries.
	 */
	static final int WAIT_SECONDS = 60;

	private static final String RESTART_SEC = "5s";

	private NodeAddressesUnit() {
	}

	/**
	 * Whether a group's machines of this cluster look for addresses on their interfaces.
	 */
	static boolean isNeeded(ValidCluster cluster) {
		return !cluster.interfaceFamilies().isEmpty();
	}

	static Unit unit() {
		UnitFile unit = UnitFile.builder()
			.section("Unit")
			.set("Description", "Find this node's addresses on its network interfaces for kubeadm")
			.set("Wants", "network-online.target")
			.set("After", "network-online.target")
			.set("Before", KubeadmUnit.NAME)
			// Once the node has joined, the kubelet has its node-ip and this has nothing
			// left to do: no waiting for an IPv6 address at every boot.
			.set("ConditionPathExists", "!" + NodePaths.KUBELET_KUBECONFIG)
			.set("StartLimitIntervalSec", "0")
			.section("Service")
			.set("Type", "oneshot")
			.set("RemainAfterExit", "yes")
			.set("Restart", "on-failure")
			.set("RestartSec", RESTART_SEC)
			.set("EnvironmentFile", NodePaths.NODE_ADDRESSES_PARAMETERS)
			.exec("ExecStart", Command.of(NodePaths.NODE_ADDRESSES_SCRIPT))
			.section("Install")
			.set("WantedBy", "multi-user.target")
			.build();
		return new Unit(NAME, true, null, UnitWriter.write(unit), null);
	}

	/** The script and its parameters. */
	static List<File> files(ValidCluster cluster) {
		return List.of(NodeFiles.file(NodePaths.NODE_ADDRESSES_SCRIPT, SCRIPT, NodeFiles.EXECUTABLE),
				NodeFiles.file(NodePaths.NODE_ADDRESSES_PARAMETERS, parameters(cluster).write(), NodeFiles.PUBLIC));
	}

	static EnvironmentFile parameters(ValidCluster cluster) {
		Map<String, String> parameters = new LinkedHashMap<>();
		List<IpFamily> families = cluster.interfaceFamilies();
		parameters.put("NODE_ADDRESS_FAMILIES",
				families.stream().map(NodeAddressesUnit::name).collect(Collectors.joining(",")));
		for (IpFamily family : families) {
			List<Subnet> subnets = cluster.networking().nodeSubnets(family);
			if (!subnets.isEmpty()) {
				parameters.put(family == IpFamily.IPV4 ? "NODE_SUBNETS_IPV4" : "NODE_SUBNETS_IPV6",
						subnets.stream().map(Subnet::text).collect(Collectors.joining(",")));
			}
		}
		parameters.put("NODE_ADDRESS_WAIT_SECONDS", Integer.toString(WAIT_SECONDS));
		parameters.put("NODE_ADDRESSES_FILE", NodePaths.NODE_ADDRESSES);
		return EnvironmentFile.plain(parameters);
	}

	private static String name(IpFamily family) {
		return family == IpFamily.IPV4 ? "ipv4" : "ipv6";
	}

}

package dev.stoker.definition;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import dev.stoker.net.IpFamily;

/**
 * Pod and service ranges, one per family in the same family order (the first is the
 * primary family), the cluster's DNS domain, whether kube-proxy is left out, where group
 * machines learn their addresses, and the ranges those found on interfaces must lie in.
 */
public record ClusterNetwork(List<Subnet> podSubnets, List<Subnet> serviceSubnets, String dnsDomain,
		boolean skipKubeProxy, NodeAddressSource addressSource, List<Subnet> nodeSubnets) {

	public ClusterNetwork {
		podSubnets = List.copyOf(podSubnets);
		serviceSubnets = List.copyOf(serviceSubnets);
		Objects.requireNonNull(dnsDomain);
		Objects.requireNonNull(addressSource);
		nodeSubnets = List.copyOf(nodeSubnets);
	}

	/** The node subnets of one family, in the order written. */
	public List<Subnet> nodeSubnets(IpFamily family) {
		return nodeSubnets.stream().filter((subnet) -> subnet.family() == family).toList();
	}

	/** The address families, primary first. */
	public List<IpFamily> families() {
		return podSubnets.stream().map(Subnet::family).toList();
	}

	public boolean isIpv6First() {
		return families().get(0) == IpFamily.IPV6;
	}

	Networking definition() {
		return new Networking(Subnet.texts(podSubnets), Subnet.texts(serviceSubnets), dnsDomain, skipKubeProxy,
				addressSource, Subnet.texts(nodeSubnets));
	}

	/**
	 * {@code addressSource} stands in for a definition stored before it had one, where it
	 * is null; only then is it worked out.
	 */
	static ClusterNetwork of(Networking networking, Supplier<NodeAddressSource> addressSource) {
		return new ClusterNetwork(Subnet.parse(networking.podSubnets()), Subnet.parse(networking.serviceSubnets()),
				networking.dnsDomain(), networking.skipKubeProxy(),
				networking.addressSource() == null ? addressSource.get() : networking.addressSource(),
				Subnet.parse(networking.nodeSubnets() == null ? List.of() : networking.nodeSubnets()));
	}

}

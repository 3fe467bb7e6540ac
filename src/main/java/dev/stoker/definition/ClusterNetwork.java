package dev.stoker.definition;

import java.util.List;
import java.util.Objects;

import dev.stoker.net.IpFamily;

/**
 * Pod and service ranges, one per family in the same family order (the first is the
 * primary family), the cluster's DNS domain, and whether kube-proxy is left out.
 */
public record ClusterNetwork(List<Subnet> podSubnets, List<Subnet> serviceSubnets, String dnsDomain,
		boolean skipKubeProxy) {

	public ClusterNetwork {
		podSubnets = List.copyOf(podSubnets);
		serviceSubnets = List.copyOf(serviceSubnets);
		Objects.requireNonNull(dnsDomain);
	}

	/** The address families, primary first. */
	public List<IpFamily> families() {
		return podSubnets.stream().map(Subnet::family).toList();
	}

	public boolean isIpv6First() {
		return families().get(0) == IpFamily.IPV6;
	}

	Networking definition() {
		return new Networking(Subnet.texts(podSubnets), Subnet.texts(serviceSubnets), dnsDomain, skipKubeProxy);
	}

	static ClusterNetwork of(Networking networking) {
		return new ClusterNetwork(Subnet.parse(networking.podSubnets()), Subnet.parse(networking.serviceSubnets()),
				networking.dnsDomain(), networking.skipKubeProxy());
	}

}

package dev.stoker.definition;

import java.util.Objects;

import dev.stoker.net.IpAddress;
import dev.stoker.net.IpFamily;

/**
 * The control plane endpoint, validated: a DNS name or an IP address literal, and a port.
 */
public record ApiEndpoint(String host, int port) {

	public ApiEndpoint {
		Objects.requireNonNull(host);
	}

	/** host:port, with an IPv6 literal in brackets as kubeadm parses it. */
	public String hostPort() {
		boolean ipv6 = IpAddress.parse(host).filter((address) -> address.family() == IpFamily.IPV6).isPresent();
		return (ipv6 ? "[" + host + "]" : host) + ":" + port;
	}

	ControlPlaneEndpoint definition() {
		return new ControlPlaneEndpoint(host, port);
	}

	static ApiEndpoint of(ControlPlaneEndpoint endpoint) {
		return new ApiEndpoint(endpoint.host(), endpoint.port());
	}

}

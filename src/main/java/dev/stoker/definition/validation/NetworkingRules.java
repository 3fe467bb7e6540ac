package dev.stoker.definition.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.stoker.definition.Networking;
import dev.stoker.net.Cidr;
import dev.stoker.net.IpFamily;

/**
 * Pod and service ranges: the limits kube-apiserver, kube-controller-manager and kubeadm
 * enforce at start-up, checked before a node ever boots.
 */
final class NetworkingRules {

	/**
	 * kube-controller-manager's default per-node mask sizes
	 * (--node-cidr-mask-size-ipv4/-ipv6).
	 */
	private static final int NODE_MASK_IPV4 = 24;

	private static final int NODE_MASK_IPV6 = 64;

	/**
	 * kube-controller-manager refuses a cluster range more than 16 bits larger than the
	 * node mask.
	 */
	private static final int MAX_NODE_MASK_DIFFERENCE = 16;

	/** kube-apiserver refuses a service range with more than 20 host bits. */
	private static final int MAX_SERVICE_HOST_BITS = 20;

	/**
	 * kubeadm gives cluster DNS the tenth address of the service range, so it must have
	 * one.
	 */
	private static final int MIN_SERVICE_HOST_BITS = 4;

	private NetworkingRules() {
	}

	/**
	 * Checks the networking block and answers the cluster's address families, primary
	 * first.
	 */
	static List<IpFamily> check(Networking networking, FieldErrors problems) {
		String at = "/networking";
		if (networking == null) {
			problems.required(at);
			return List.of();
		}
		List<Cidr> pods = ranges(networking.podSubnets(), at + "/podSubnets", problems);
		List<Cidr> services = ranges(networking.serviceSubnets(), at + "/serviceSubnets", problems);
		for (int i = 0; i < pods.size(); i++) {
			Cidr pod = pods.get(i);
			if (pod == null) {
				continue;
			}
			int nodeMask = pod.family() == IpFamily.IPV4 ? NODE_MASK_IPV4 : NODE_MASK_IPV6;
			if (pod.prefixLength() > nodeMask || nodeMask - pod.prefixLength() > MAX_NODE_MASK_DIFFERENCE) {
				problems.add(at + "/podSubnets/" + i,
						"must be an " + pod.family() + " range from /" + (nodeMask - MAX_NODE_MASK_DIFFERENCE) + " to /"
								+ nodeMask + ": each node gets a /" + nodeMask
								+ " and kube-controller-manager allows a cluster range at most 16 bits larger");
			}
		}
		for (int i = 0; i < services.size(); i++) {
			Cidr service = services.get(i);
			if (service == null) {
				continue;
			}
			int bits = service.family().bits();
			if (bits - service.prefixLength() > MAX_SERVICE_HOST_BITS
					|| bits - service.prefixLength() < MIN_SERVICE_HOST_BITS) {
				problems.add(at + "/serviceSubnets/" + i, "must be an " + service.family() + " range from /"
						+ (bits - MAX_SERVICE_HOST_BITS) + " to /" + (bits - MIN_SERVICE_HOST_BITS)
						+ ": kube-apiserver allows at most 20 host bits and kubeadm gives cluster DNS the range's tenth address");
			}
			for (int j = 0; j < pods.size(); j++) {
				if (pods.get(j) != null && pods.get(j).overlaps(service)) {
					problems.add(at + "/serviceSubnets/" + i, "overlaps the pod range " + networking.podSubnets().get(j)
							+ "; pod and service ranges must be disjoint");
				}
			}
		}
		checkNodeSubnets(networking, pods, services, problems);
		List<IpFamily> families = families(pods, at + "/podSubnets", problems);
		List<IpFamily> serviceFamilies = families(services, at + "/serviceSubnets", problems);
		if (families.size() == pods.size() && serviceFamilies.size() == services.size() && !families.isEmpty()
				&& !serviceFamilies.isEmpty()) {
			if (families.size() != serviceFamilies.size()) {
				problems.add(at + "/serviceSubnets", "must have one range per family of podSubnets (" + families.size()
						+ (families.size() == 1 ? " range" : " ranges") + ")");
			}
			else {
				for (int i = 0; i < families.size(); i++) {
					if (families.get(i) != serviceFamilies.get(i)) {
						problems.add(at + "/serviceSubnets/" + i, "must be an " + families.get(i)
								+ " range: families must come in the same order as in podSubnets");
					}
				}
			}
		}
		if (networking.dnsDomain() != null) {
			KubernetesSyntax.dnsSubdomain(networking.dnsDomain()).ifPresent(d -> problems.add(at + "/dnsDomain", d));
		}
		return families.size() == pods.size() ? families : List.of();
	}

	/**
	 * The ranges a node's addresses are looked for in: the kubelet's node-ip must not be
	 * a pod or service address, which the cluster routes elsewhere. Their families are
	 * checked with the address source.
	 */
	private static void checkNodeSubnets(Networking networking, List<Cidr> pods, List<Cidr> services,
			FieldErrors problems) {
		List<String> texts = networking.nodeSubnets();
		String at = "/networking/nodeSubnets";
		for (int i = 0; texts != null && i < texts.size(); i++) {
			Cidr range;
			try {
				range = Cidr.parse(texts.get(i));
			}
			catch (Cidr.InvalidCidrException ex) {
				problems.required(at + "/" + i, ex.getMessage());
				continue;
			}
			for (int j = 0; j < pods.size(); j++) {
				if (pods.get(j) != null && pods.get(j).overlaps(range)) {
					problems.add(at + "/" + i, "overlaps the pod range " + networking.podSubnets().get(j)
							+ "; node addresses must lie outside the pod and service ranges");
				}
			}
			for (int j = 0; j < services.size(); j++) {
				if (services.get(j) != null && services.get(j).overlaps(range)) {
					problems.add(at + "/" + i, "overlaps the service range " + networking.serviceSubnets().get(j)
							+ "; node addresses must lie outside the pod and service ranges");
				}
			}
		}
	}

	/**
	 * Parses a list of one or two ranges; an unusable entry is reported and kept as null.
	 */
	private static List<Cidr> ranges(List<String> texts, String at, FieldErrors problems) {
		if (texts == null) {
			problems.required(at);
			return List.of();
		}
		if (texts.isEmpty() || texts.size() > 2) {
			problems.add(at, "must hold one range, or two (one IPv4 and one IPv6) for a dual-stack cluster");
			return List.of();
		}
		List<Cidr> ranges = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			try {
				ranges.add(Cidr.parse(texts.get(i)));
			}
			catch (Cidr.InvalidCidrException ex) {
				// a null entry may be a value of the wrong type, already reported as such
				problems.required(at + "/" + i, ex.getMessage());
				ranges.add(null);
			}
		}
		return ranges;
	}

	private static List<IpFamily> families(List<Cidr> ranges, String at, FieldErrors problems) {
		// anyMatch, not contains(null): the immutable empty list of a missing range list
		// throws on null
		if (ranges.stream().anyMatch(Objects::isNull)) {
			return List.of();
		}
		List<IpFamily> families = ranges.stream().map(Cidr::family).toList();
		if (families.size() == 2 && families.get(0) == families.get(1)) {
			problems.add(at + "/1", "must be an " + (families.get(0) == IpFamily.IPV4 ? IpFamily.IPV6 : IpFamily.IPV4)
					+ " range: a dual-stack cluster has one range of each family");
			return List.of();
		}
		return families;
	}

}

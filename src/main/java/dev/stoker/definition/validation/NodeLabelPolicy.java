package dev.stoker.definition.validation;

import java.util.Optional;
import java.util.Set;

/**
 * Which labels a kubelet may put on its own node through {@code --node-labels}. The
 * kubelet refuses to start with any other label in the kubernetes.io or k8s.io
 * namespaces, so such a label is refused here, at write time, instead of at boot.
 */
final class NodeLabelPolicy {

	private static final Set<String> ALLOWED_PREFIXES = Set.of("kubelet.kubernetes.io", "node.kubernetes.io");

	/**
	 * The well-known labels the kubelet accepts by name (k8s.io/kubelet,
	 * well_known_labels.go).
	 */
	private static final Set<String> ALLOWED_LABELS = Set.of("beta.kubernetes.io/arch",
			"beta.kubernetes.io/instance-type", "beta.kubernetes.io/os", "failure-domain.beta.kubernetes.io/region",
			"failure-domain.beta.kubernetes.io/zone", "kubernetes.io/arch", "kubernetes.io/hostname",
			"kubernetes.io/os", "node.kubernetes.io/instance-type", "topology.kubernetes.io/region",
			"topology.kubernetes.io/zone");

	private NodeLabelPolicy() {
	}

	static Optional<String> check(String key) {
		String prefix = KubernetesSyntax.prefix(key);
		if (!isReserved(prefix) || ALLOWED_LABELS.contains(key) || isKubeletPrefix(prefix)) {
			return Optional.empty();
		}
		if (prefix.equals("node-role.kubernetes.io")) {
			return Optional.of("cannot be set by the kubelet on its own node (node-role.kubernetes.io is reserved); "
					+ "label the node after it joins, e.g. kubectl label node <node> " + key + "=");
		}
		return Optional.of("is in the " + prefix
				+ " namespace, which the kubelet may not set on its own node; use a prefix under kubelet.kubernetes.io/ "
				+ "or node.kubernetes.io/, or your own domain");
	}

	private static boolean isReserved(String prefix) {
		return prefix.equals("kubernetes.io") || prefix.endsWith(".kubernetes.io") || prefix.equals("k8s.io")
				|| prefix.endsWith(".k8s.io");
	}

	private static boolean isKubeletPrefix(String prefix) {
		return ALLOWED_PREFIXES.stream().anyMatch(p -> prefix.equals(p) || prefix.endsWith("." + p));
	}

}

package dev.stoker.audit;

/**
 * A secret-bearing answer about to be given.
 *
 * @param cluster the cluster's name
 * @param group the node group, or null when the answer is about a static node or the
 * whole cluster
 * @param node the static node, or null
 * @param document what was disclosed: {@code butane}, {@code ignition}, {@code kubeadm},
 * {@code user-data}, {@code fetch-tokens} or {@code rotated-secrets}
 * @param revision the cluster's revision the answer was made from
 */
public record Disclosure(String cluster, String group, String node, String document, long revision) {

	public static Disclosure ofGroup(String cluster, String group, String document, long revision) {
		return new Disclosure(cluster, group, null, document, revision);
	}

	public static Disclosure ofNode(String cluster, String group, String node, String document, long revision) {
		return new Disclosure(cluster, group, node, document, revision);
	}

	public static Disclosure ofCluster(String cluster, String document, long revision) {
		return new Disclosure(cluster, null, null, document, revision);
	}

}

package dev.stoker.preview;

/**
 * One document of a cluster: a node group's or a static node's butane, ignition or
 * kubeadm.
 *
 * @param group the node group, the static node's group for a node's document
 * @param node the static node, or null for a group's document
 * @param document {@code butane}, {@code ignition} or {@code kubeadm}
 */
record DocumentKey(String group, String node, String document) {

	/** Where it is served below the cluster's URL, and its name in a diff's headers. */
	String path() {
		return (node != null) ? "nodes/" + node + "/" + document : "node-groups/" + group + "/" + document;
	}

}

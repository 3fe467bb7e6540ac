package dev.stoker.render;

import dev.stoker.definition.ValidCluster;
import dev.stoker.flatcar.NodePaths;
import dev.stoker.render.install.InstallMethod;
import dev.stoker.render.snippets.StokerEntries;

/**
 * What Stoker owns on every node beyond the entries of its config: the directories
 * kubeadm and Stoker keep their own files in, and the files its units write at boot. A
 * snippet may write none of them.
 */
final class OwnedPaths {

	static final String KEEPER = "the join-token keeper";

	static final String REPORTS = "the units that report the machine's join progress";

	static final String NODE_ADDRESSES = "node-addresses.service, which finds the node's addresses";

	private static final String PKI = "the cluster's shared PKI";

	private OwnedPaths() {
	}

	static StokerEntries of(ValidCluster cluster) {
		StokerEntries owned = new StokerEntries().directory(NodePaths.PKI_DIR, PKI)
			.directory(NodePaths.SHARED_PKI_DIR, PKI)
			// kubeadm writes the node's kubeconfigs, certificates and static pod
			// manifests
			// there, and kubeadm reset empties it before a join is tried again
			.directory("/etc/kubernetes/", "kubeadm's own directory")
			.directory(NodePaths.STOKER_DIR, "Stoker's settings on the node")
			.path(NodePaths.KUBEADM_FINAL_CONFIG, "kubeadm.service writes the node's kubeadm config there at boot")
			.path(NodePaths.NODE_ADDRESSES, NODE_ADDRESSES);
		String install = "the Kubernetes install, " + cluster.install().wireName();
		InstallMethod.ownedDirectories(cluster.install()).forEach((directory) -> owned.directory(directory, install));
		return owned;
	}

	/** What a file of {@link NodeFiles} is for. */
	static String nodeFileOwner(String path) {
		if (path.startsWith(NodePaths.PKI_DIR) || path.startsWith(NodePaths.SHARED_PKI_DIR)) {
			return PKI;
		}
		if (path.equals(NodePaths.HOSTNAME)) {
			return "the static node's hostname";
		}
		return "the node's kubeadm config";
	}

}

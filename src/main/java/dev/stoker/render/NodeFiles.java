package dev.stoker.render;

import java.util.ArrayList;
import java.util.List;

import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Resource;
import dev.stoker.butane.ButaneConfig.User;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidNode;
import dev.stoker.flatcar.NodePaths;
import dev.stoker.secrets.ClusterCa;

/**
 * The files a node gets besides its install method and units: its kubeadm config, the
 * cluster CA on the first control plane, its hostname when it is a static node, and the
 * SSH keys of its login user.
 */
final class NodeFiles {

	/**
	 * Readable by root only: the file holds the bootstrap token (and, on control planes,
	 * the certificate key).
	 */
	static final int SECRET = 0600;

	static final int PUBLIC = 0644;

	private NodeFiles() {
	}

	/**
	 * Only the bootstrap node gets the CA: its key signs every certificate of the
	 * cluster, and joins pin the CA by its public key hash instead.
	 */
	static List<File> files(NodeRole role, String kubeadmConfig, ClusterCa ca, ValidNode node) {
		List<File> files = new ArrayList<>();
		files.add(file(NodePaths.KUBEADM_CONFIG, kubeadmConfig, SECRET));
		if (role == NodeRole.BOOTSTRAP) {
			files.add(file(NodePaths.CA_CERTIFICATE, ca.certificatePem(), PUBLIC));
			files.add(file(NodePaths.CA_KEY, ca.privateKeyPem(), SECRET));
		}
		if (node != null) {
			files.add(file(NodePaths.HOSTNAME, node.name() + "\n", PUBLIC));
		}
		return List.copyOf(files);
	}

	/**
	 * The login user (core on Flatcar) with the definition's keys; nothing when there are
	 * none.
	 */
	static List<User> users(ValidCluster cluster) {
		if (cluster.ssh().authorizedKeys().isEmpty()) {
			return List.of();
		}
		return List.of(User.withKeys(cluster.ssh().user(), cluster.ssh().authorizedKeys(), null));
	}

	private static File file(String path, String contents, int mode) {
		return new File(path, true, Resource.inline(contents), null, mode, null, null);
	}

}

package dev.stoker.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import dev.stoker.secrets.ControlPlanePki;

/**
 * The files a node gets besides its install method and units: its kubeadm config, the
 * cluster CA (and the keys control planes share) on control planes, its hostname when it
 * is a static node, and the SSH keys of its login user.
 */
final class NodeFiles {

	/**
	 * Readable by root only: the file holds the bootstrap token (and, on control planes,
	 * the certificate key).
	 */
	static final int SECRET = 0600;

	static final int PUBLIC = 0644;

	/** The scripts a node runs. */
	static final int EXECUTABLE = 0755;

	private NodeFiles() {
	}

	/**
	 * The CA's key signs every certificate of the cluster, so only control planes get it:
	 * the bootstrap node always, with the control-plane PKI when the cluster has one;
	 * other control planes only with the PKI (without it they download what init
	 * uploaded). Workers get no key at all, and pin the CA by its public key hash. The
	 * bootstrap node never resets, so its files go straight to kubeadm's directory; a
	 * joining control plane keeps them in {@link NodePaths#SHARED_PKI_DIR}, from which
	 * kubeadm.service copies them before each attempt.
	 */
	static List<File> files(NodeRole role, String kubeadmConfig, ClusterCa ca, ControlPlanePki pki, ValidNode node) {
		List<File> files = new ArrayList<>();
		files.add(file(NodePaths.KUBEADM_CONFIG, kubeadmConfig, SECRET));
		if (role == NodeRole.BOOTSTRAP || (role == NodeRole.CONTROL_PLANE && pki != null)) {
			String directory = (role == NodeRole.BOOTSTRAP) ? NodePaths.PKI_DIR : NodePaths.SHARED_PKI_DIR;
			for (SharedPkiFiles.PkiFile pkiFile : SharedPkiFiles.of(ca, pki)) {
				files.add(file(directory + pkiFile.relativePath(), pkiFile.contents(), pkiFile.mode()));
			}
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

	/** A file the document writes in full, replacing whatever the machine has there. */
	static File file(String path, String contents, int mode) {
		return new File(path, true, Resource.inline(contents), null, mode, null, null);
	}

	/**
	 * A script that runs on nodes: a static resource next to this class, the same on
	 * every node. Read once, by the class that writes it, not on every render.
	 */
	static String script(String resource) {
		try (InputStream in = NodeFiles.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("the script " + resource + " is missing from the build");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

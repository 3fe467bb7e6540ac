package dev.stoker.render.install;

import java.util.List;

import dev.stoker.butane.ButaneConfig.Directory;
import dev.stoker.definition.Install;
import dev.stoker.definition.ValidCluster;
import dev.stoker.flatcar.NodePaths;

/**
 * How Kubernetes gets onto a node, as the definition's {@code install} says: Flatcar's
 * sysext image kept up to date by systemd-sysupdate, or plain binaries in /opt/bin.
 * containerd comes with Flatcar either way.
 */
public final class InstallMethod {

	static final int DIRECTORY_MODE = 0755;

	private InstallMethod() {
	}

	public static InstallPieces pieces(ValidCluster cluster) {
		Directory volumePlugins = volumePluginDir(cluster.volumePluginDir());
		return switch (cluster.install()) {
			case SYSEXT -> SysextInstall.pieces(cluster.kubernetesVersion(), cluster.architecture(), volumePlugins,
					cluster.patchUpdates());
			case BINARIES -> BinariesInstall.pieces(cluster.kubernetesVersion(), cluster.architecture(), volumePlugins);
		};
	}

	/**
	 * The directories whose every entry is the install method's, whether the document
	 * writes it or systemd-sysupdate does later: the sysext's downloaded images and its
	 * sysupdate component.
	 */
	public static List<String> ownedDirectories(Install install) {
		return switch (install) {
			case SYSEXT -> List.of(SysextBakery.IMAGE_DIR, SysextBakery.SYSUPDATE_COMPONENT_DIR);
			case BINARIES -> List.of();
		};
	}

	/**
	 * Where the install method puts kubeadm: the sysext in /usr/bin, the binaries in
	 * /opt/bin.
	 */
	public static String kubeadm(Install install) {
		return switch (install) {
			case SYSEXT -> NodePaths.USR_BIN + "/kubeadm";
			case BINARIES -> BinariesInstall.path("kubeadm");
		};
	}

	/**
	 * Where the install method puts kubectl: both bring it, the sysext image with kubeadm
	 * and the kubelet (Flatcar's sysext bakery), the binaries as one of the three
	 * downloads.
	 */
	public static String kubectl(Install install) {
		return switch (install) {
			case SYSEXT -> NodePaths.USR_BIN + "/kubectl";
			case BINARIES -> BinariesInstall.path("kubectl");
		};
	}

	/**
	 * The kubeadm config passes the directory to the kubelet (its default is under /usr,
	 * read-only on Flatcar); creating it at first boot means it exists, with a known
	 * mode, before the kubelet or a driver's installer looks into it. Written without a
	 * trailing slash, the path Ignition cleans it to anyway.
	 */
	static Directory volumePluginDir(String path) {
		String clean = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		return new Directory(clean, null, DIRECTORY_MODE, null, null);
	}

}

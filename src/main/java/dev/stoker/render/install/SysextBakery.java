package dev.stoker.render.install;

import dev.stoker.definition.Architecture;
import dev.stoker.definition.KubernetesVersion;

/**
 * Names and addresses of Flatcar's Kubernetes system extension, as Flatcar's "Getting
 * started with Kubernetes" page and the sysext-bakery's Kubernetes docs write them. The
 * bakery's server answers every image under one directory (it redirects to the release
 * holding it), which is what lets systemd-sysupdate find newer patch releases there.
 */
final class SysextBakery {

	private static final String EXTENSIONS = "https://extensions.flatcar.org/extensions/";

	/** Where sysupdate keeps the images it downloads, and Ignition the first one. */
	static final String IMAGE_DIR = "/opt/extensions/kubernetes/";

	/** systemd-sysext merges what /etc/extensions holds; the name is the extension's. */
	static final String EXTENSION_LINK = "/etc/extensions/kubernetes.raw";

	/**
	 * The sysupdate component {@code kubernetes}:
	 * {@code systemd-sysupdate -C kubernetes}.
	 */
	static final String SYSUPDATE_COMPONENT_DIR = "/etc/sysupdate.kubernetes.d/";

	static final String NOOP_TRANSFER = "/etc/sysupdate.d/noop.conf";

	static final String NOOP_TRANSFER_URL = EXTENSIONS + "noop.conf";

	private SysextBakery() {
	}

	/** {@code kubernetes-v1.33.2-x86-64.raw}: the architecture in Flatcar's spelling. */
	public static String imageName(KubernetesVersion version, Architecture architecture) {
		return "kubernetes-" + version + "-" + architecture.wireName() + ".raw";
	}

	public static String imageUrl(KubernetesVersion version, Architecture architecture) {
		return EXTENSIONS + imageName(version, architecture);
	}

	/**
	 * {@code kubernetes-v1.33.conf}: the sysupdate transfer that matches only the patch
	 * releases of one minor version. Kubernetes does not support unattended upgrades
	 * across minor versions, so the bakery publishes one per minor.
	 */
	public static String sysupdateName(KubernetesVersion version) {
		return "kubernetes-v" + version.major() + "." + version.minor() + ".conf";
	}

	public static String sysupdateUrl(KubernetesVersion version) {
		return EXTENSIONS + "kubernetes/" + sysupdateName(version);
	}

}

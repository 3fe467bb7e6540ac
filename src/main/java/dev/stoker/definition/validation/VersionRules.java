package dev.stoker.definition.validation;

import java.util.List;
import java.util.Optional;

import dev.stoker.definition.Install;
import dev.stoker.definition.KubeadmApiVersion;
import dev.stoker.definition.KubernetesVersion;

/**
 * Which Kubernetes releases Stoker can serve. Refused: what cannot work (another major, a
 * minor older than the kubeadm config API or the install method allows). Warned about: a
 * minor newer than Stoker knows, which may work. Patch releases are not checked: a new
 * one of every supported minor appears about monthly (kubernetes/website
 * data/releases/schedule.yaml), so no table Stoker carries could say which exist; a
 * release that does not exist fails the node's first boot when Ignition cannot download
 * it.
 */
public final class VersionRules {

	/**
	 * kubeadm's config API v1beta3, the oldest Stoker writes, arrived in Kubernetes
	 * v1.22.
	 */
	static final KubernetesVersion OLDEST = KubeadmApiVersion.V1BETA3.firstRelease();

	/**
	 * Flatcar's sysext bakery built its first Kubernetes image for v1.27
	 * (kubernetes-v1.27.4, its release workflow of August 2023) and builds only the
	 * minors the Kubernetes release schedule still supports
	 * (kubernetes.sysext/funcs.inc), so it has none older.
	 */
	static final KubernetesVersion OLDEST_SYSEXT = new KubernetesVersion(1, 27, 0);

	/**
	 * The newest minor release Stoker's documents were checked against: the kubeadm whose
	 * config APIs {@link KubeadmApiVersion} records (v1beta3 gone in v1.37).
	 */
	static final KubernetesVersion NEWEST_KNOWN = new KubernetesVersion(1, 37, 0);

	private VersionRules() {
	}

	/** The problem with a syntactically valid release, if it cannot be served. */
	static Optional<String> refusal(KubernetesVersion version, Install install) {
		if (version.major() != 1) {
			return Optional.of("must be a Kubernetes v1 release such as v1.33.2: Kubernetes has published no "
					+ "other major version, and kubeadm reads Stoker's config APIs only in v1");
		}
		if (version.compareTo(OLDEST) < 0) {
			return Optional.of("must be " + OLDEST + " or later: older kubeadm releases read no config API that "
					+ "Stoker writes");
		}
		if (install != Install.BINARIES && version.compareTo(OLDEST_SYSEXT) < 0) {
			return Optional.of("must be " + OLDEST_SYSEXT + " or later with install sysext: Flatcar's sysext "
					+ "bakery has no Kubernetes image older than " + minor(OLDEST_SYSEXT)
					+ "; use install binaries for an older release");
		}
		return Optional.empty();
	}

	/**
	 * What a write of this release is answered with besides the stored definition: a
	 * minor newer than Stoker knows may need a kubeadm config API Stoker does not write
	 * yet.
	 */
	public static List<String> warnings(KubernetesVersion version) {
		if (version.major() == NEWEST_KNOWN.major() && version.minor() > NEWEST_KNOWN.minor()) {
			return List.of("kubernetesVersion " + version + " is newer than " + minor(NEWEST_KNOWN)
					+ ", the newest minor release Stoker knows: check that the release exists and that its kubeadm "
					+ "reads the config API version the cluster uses before booting nodes.");
		}
		return List.of();
	}

	/**
	 * v1.36, not v1.36.0: every patch release of a minor reads the same config API
	 * versions.
	 */
	static String minor(KubernetesVersion version) {
		return "v" + version.major() + "." + version.minor();
	}

}

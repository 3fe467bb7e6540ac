package dev.stoker.definition.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.stoker.definition.ClusterDefinition;
import dev.stoker.definition.HostPathMount;
import dev.stoker.definition.KubeProxyMode;
import dev.stoker.definition.KubernetesVersion;
import dev.stoker.definition.LocalEtcd;
import dev.stoker.problem.JsonPointer;

/**
 * The kubeadm options beyond what Stoker sets itself: scheduler and etcd flags, etcd's
 * data directory, host paths mounted into the API server and controller manager,
 * kubeadm's feature gates, the image repository and kube-proxy's mode.
 */
final class KubeadmOptionRules {

	/**
	 * kube-proxy's nftables mode is beta, and on without a feature gate, from v1.31
	 * (KEP-3866); before that it needs the NFTablesProxyMode gate on kube-proxy, which
	 * Stoker does not set.
	 */
	static final KubernetesVersion NFTABLES = new KubernetesVersion(1, 31, 0);

	/**
	 * A path of plain segments: every character is one the node's tools take without
	 * quoting, and none is . or ..
	 */
	private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9._@+=-]+)+/?");

	/** A Go feature gate name, as kubeadm's and the components' gates are spelled. */
	private static final Pattern FEATURE_GATE = Pattern.compile("[A-Z][A-Za-z0-9]*");

	/**
	 * An image repository: a registry host (with a port) and path components as the
	 * distribution reference grammar allows them, lower-case.
	 */
	private static final Pattern IMAGE_REPOSITORY = Pattern
		.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)*");

	private KubeadmOptionRules() {
	}

	static void check(ClusterDefinition d, Optional<KubernetesVersion> version, FieldErrors problems) {
		if (d.scheduler() != null) {
			ClusterValidator.checkExtraArgs(d.scheduler().extraArgs(), "/scheduler/extraArgs", problems);
		}
		if (d.etcd() != null && d.etcd().local() != null) {
			LocalEtcd local = d.etcd().local();
			if (local.dataDir() != null) {
				path(local.dataDir(), "/etcd/local/dataDir", problems).ifPresent(dir -> {
					if (underUsr(dir)) {
						problems.add("/etcd/local/dataDir",
								"must not be under /usr, which is read-only on Flatcar: etcd could not write its data"
										+ " there; leave dataDir out for /var/lib/etcd");
					}
				});
			}
			ClusterValidator.checkExtraArgs(local.extraArgs(), "/etcd/local/extraArgs", problems);
		}
		if (d.apiServer() != null) {
			volumes(d.apiServer().extraVolumes(), "/apiServer/extraVolumes", problems);
		}
		if (d.controllerManager() != null) {
			volumes(d.controllerManager().extraVolumes(), "/controllerManager/extraVolumes", problems);
		}
		featureGates(d.featureGates(), problems);
		if (d.imageRepository() != null && !IMAGE_REPOSITORY.matcher(d.imageRepository()).matches()) {
			problems.add("/imageRepository", "must be a registry host with an optional port and path, in lower case,"
					+ " such as registry.example.com/k8s");
		}
		if (d.kubeProxy() != null && d.kubeProxy().mode() != null) {
			if (d.networking() != null && Boolean.TRUE.equals(d.networking().skipKubeProxy())) {
				problems.add("/kubeProxy/mode", "must be left out with networking.skipKubeProxy true: kubeadm installs"
						+ " no kube-proxy to run in that mode");
			}
			else if (d.kubeProxy().mode() == KubeProxyMode.NFTABLES && version.isPresent()
					&& version.get().compareTo(NFTABLES) < 0) {
				problems.add("/kubeProxy/mode",
						"cannot be nftables before " + VersionRules.minor(NFTABLES) + ": kube-proxy of " + version.get()
								+ " runs it only behind its NFTablesProxyMode feature gate;"
								+ " use iptables or ipvs, or a later kubernetesVersion");
			}
		}
	}

	/**
	 * kubeadm validates the names against its own gate list of the release and refuses an
	 * unknown one at init; that list changes with every release, so only the shape is
	 * checked here (the documentation says so).
	 */
	private static void featureGates(Map<String, Boolean> gates, FieldErrors problems) {
		if (gates == null) {
			return;
		}
		gates.forEach((name, on) -> {
			String at = JsonPointer.child("/featureGates", name);
			if (!FEATURE_GATE.matcher(name).matches()) {
				problems.add(at, "must be a feature gate name: letters and digits, starting with a capital letter,"
						+ " such as ControlPlaneKubeletLocalMode");
			}
			else if (on == null) {
				problems.required(at, "must be true or false");
			}
		});
	}

	private static void volumes(List<HostPathMount> volumes, String at, FieldErrors problems) {
		if (volumes == null) {
			return;
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < volumes.size(); i++) {
			String volume = at + "/" + i;
			HostPathMount mount = volumes.get(i);
			if (mount == null) {
				problems.required(volume, "must be a volume with name, hostPath and mountPath");
				continue;
			}
			if (mount.name() == null) {
				problems.required(volume + "/name");
			}
			else {
				KubernetesSyntax.dnsLabel(mount.name()).ifPresent(d -> problems.add(volume + "/name", d));
				if (!names.add(mount.name())) {
					problems.add(volume + "/name", "repeats the name of an earlier volume of this component");
				}
			}
			if (mount.hostPath() == null) {
				problems.required(volume + "/hostPath");
			}
			else {
				path(mount.hostPath(), volume + "/hostPath", problems).filter(KubeadmOptionRules::underUsr)
					.ifPresent(path -> usrMount(mount, volume, problems));
			}
			if (mount.mountPath() == null) {
				problems.required(volume + "/mountPath");
			}
			else {
				path(mount.mountPath(), volume + "/mountPath", problems);
			}
		}
	}

	/**
	 * /usr is read-only on Flatcar (a dm-verity image): a pod may read what is there, but
	 * nothing can write or create under it. So a mount of a /usr path must be read-only,
	 * and must not ask the kubelet to create a missing path.
	 */
	private static void usrMount(HostPathMount mount, String volume, FieldErrors problems) {
		if (mount.pathType() != null && mount.pathType().creates()) {
			problems.add(volume + "/pathType",
					"cannot be " + mount.pathType().wireName()
							+ " for a path under /usr, which is read-only on Flatcar: the kubelet could not create it;"
							+ " use Directory or File, or a path under /etc, /opt or /var");
		}
		if (!Boolean.TRUE.equals(mount.readOnly())) {
			problems.add(volume + "/readOnly", "must be true for a path under /usr, which is read-only on Flatcar:"
					+ " nothing can be written there; mount it readOnly, or use a path under /etc, /opt or /var");
		}
	}

	/** The path if it is an absolute path of plain segments; else reported. */
	private static Optional<String> path(String path, String at, FieldErrors problems) {
		if (!SAFE_PATH.matcher(path).matches() || path.contains("/./") || path.contains("/../") || path.endsWith("/..")
				|| path.endsWith("/.")) {
			problems.add(at, "must be an absolute path of letters, digits, '.', '_', '@', '+', '=' and '-',"
					+ " without . or .. segments");
			return Optional.empty();
		}
		return Optional.of(path);
	}

	private static boolean underUsr(String path) {
		return path.equals("/usr") || path.equals("/usr/") || path.startsWith("/usr/");
	}

}

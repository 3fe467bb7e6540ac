package dev.stoker.definition.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.stoker.definition.KubernetesVersion;
import dev.stoker.definition.NodeGroup;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.Taint;
import dev.stoker.problem.JsonPointer;

/**
 * Node groups: names, roles (exactly one bootstrap group), labels, taints, and the
 * group's own kubelet settings and flags.
 */
final class NodeGroupRules {

	/**
	 * kubeadm applies patches to the kubelet's configuration (the kubeletconfiguration
	 * patch target) from v1.25 (kubernetes/kubernetes pull request 110405); an older
	 * kubeadm ignores the file, and the group's settings would be lost.
	 */
	static final KubernetesVersion KUBELET_PATCHES = new KubernetesVersion(1, 25, 0);

	/**
	 * The kubelet flags Stoker writes itself, and those kubeadm's kubelet drop-in passes
	 * (a second one would win over it and cut the node off its bootstrap).
	 */
	private static final Map<String, String> OWNED_KUBELET_FLAGS = Map.of("node-ip",
			"Stoker sets it to the node's addresses", "node-labels",
			"Stoker writes it from the group's labels; set labels instead", "cloud-provider",
			"Stoker writes it from cloudProvider; set cloudProvider instead", "volume-plugin-dir",
			"Stoker writes it from volumePluginDir; set volumePluginDir instead", "config",
			"kubeadm's kubelet drop-in passes the KubeletConfiguration file; set kubelet fields instead", "kubeconfig",
			"kubeadm's kubelet drop-in passes the kubeconfig kubeadm writes", "bootstrap-kubeconfig",
			"kubeadm's kubelet drop-in passes the bootstrap kubeconfig kubeadm join writes");

	private NodeGroupRules() {
	}

	static void check(List<NodeGroup> groups, Optional<KubernetesVersion> version, FieldErrors problems) {
		String at = "/nodeGroups";
		if (groups == null) {
			return;
		}
		if (groups.isEmpty()) {
			problems.add(at, "must list at least the bootstrap group; omit nodeGroups to get the three default groups");
			return;
		}
		Set<String> names = new HashSet<>();
		int bootstrapGroups = 0;
		// a group whose role could not be read may have been meant as the bootstrap group
		boolean unreadRole = false;
		for (int i = 0; i < groups.size(); i++) {
			String group = at + "/" + i;
			NodeGroup g = groups.get(i);
			if (g == null) {
				problems.required(group, "must be a node group object");
				unreadRole = true;
				continue;
			}
			if (g.name() == null) {
				problems.required(group + "/name");
			}
			else {
				KubernetesSyntax.dnsLabel(g.name()).ifPresent(d -> problems.add(group + "/name", d));
				if (!names.add(g.name())) {
					problems.add(group + "/name", "repeats the name of an earlier node group");
				}
			}
			if (g.role() == null) {
				problems.required(group + "/role");
				unreadRole = true;
			}
			else if (g.role() == NodeRole.BOOTSTRAP && ++bootstrapGroups > 1) {
				problems.add(group + "/role", "must not be bootstrap: exactly one group runs kubeadm init");
			}
			labels(g.labels(), group + "/labels", problems);
			taints(g.taints(), group + "/taints", problems);
			kubelet(g, group, version, problems);
		}
		if (bootstrapGroups == 0 && !unreadRole) {
			problems.add(at, "must have exactly one group with role bootstrap: its node runs kubeadm init");
		}
	}

	/**
	 * The group's kubelet settings reach its nodes as a kubeadm patch file, written as it
	 * is (not through envsubst, so a $ is just a character).
	 */
	private static void kubelet(NodeGroup g, String group, Optional<KubernetesVersion> version, FieldErrors problems) {
		if (g.kubelet() != null && !g.kubelet().isEmpty() && version.isPresent()
				&& version.get().compareTo(KUBELET_PATCHES) < 0) {
			problems.add(group + "/kubelet", "needs Kubernetes " + VersionRules.minor(KUBELET_PATCHES)
					+ " or later: a group's kubelet settings reach its nodes as a kubeadm patch, which kubeadm of "
					+ version.get() + " does not apply; set them on the cluster's kubelet instead");
		}
		else {
			KubeletRules.check(g.kubelet(), group + "/kubelet", version.orElse(null), false, problems);
		}
		String args = group + "/kubeletExtraArgs";
		ClusterValidator.checkExtraArgs(g.kubeletExtraArgs(), args, problems);
		if (g.kubeletExtraArgs() != null) {
			g.kubeletExtraArgs()
				.keySet()
				.stream()
				.filter(OWNED_KUBELET_FLAGS::containsKey)
				.forEach(flag -> problems.add(JsonPointer.child(args, flag),
						"must be left out: " + OWNED_KUBELET_FLAGS.get(flag)));
		}
	}

	private static void labels(Map<String, String> labels, String at, FieldErrors problems) {
		if (labels == null) {
			return;
		}
		labels.forEach((key, value) -> {
			String label = JsonPointer.child(at, key);
			KubernetesSyntax.qualifiedName(key)
				.or(() -> NodeLabelPolicy.check(key))
				.ifPresent(d -> problems.add(label, "is not a valid label key: the key " + d));
			if (value == null) {
				problems.noValue(label);
			}
			else {
				KubernetesSyntax.labelValue(value).ifPresent(d -> problems.add(label, d));
			}
		});
	}

	private static void taints(List<Taint> taints, String at, FieldErrors problems) {
		if (taints == null) {
			return;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < taints.size(); i++) {
			String taint = at + "/" + i;
			Taint t = taints.get(i);
			if (t == null) {
				problems.required(taint, "must be a taint object with key, value and effect");
				continue;
			}
			if (t.key() == null) {
				problems.required(taint + "/key");
			}
			else {
				KubernetesSyntax.qualifiedName(t.key()).ifPresent(d -> problems.add(taint + "/key", d));
			}
			if (t.value() != null) {
				KubernetesSyntax.labelValue(t.value()).ifPresent(d -> problems.add(taint + "/value", d));
			}
			if (t.effect() == null) {
				problems.required(taint + "/effect");
			}
			else if (t.key() != null && !seen.add(t.key() + ":" + t.effect().wireName())) {
				problems.add(taint, "repeats the key and effect of an earlier taint");
			}
		}
	}

}

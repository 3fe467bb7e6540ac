package dev.stoker.definition.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stoker.definition.NodeGroup;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.Taint;
import dev.stoker.problem.JsonPointer;

/** Node groups: names, roles (exactly one bootstrap group), labels and taints. */
final class NodeGroupRules {

	private NodeGroupRules() {
	}

	static void check(List<NodeGroup> groups, FieldErrors problems) {
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
		}
		if (bootstrapGroups == 0 && !unreadRole) {
			problems.add(at, "must have exactly one group with role bootstrap: its node runs kubeadm init");
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

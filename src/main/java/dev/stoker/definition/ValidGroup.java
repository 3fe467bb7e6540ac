package dev.stoker.definition;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node group: machines that boot from one document.
 *
 * @param labels node labels, in the order written
 * @param taints the node taints; empty when the definition has no taints key, so that
 * kubeadm's default applies (an empty list removes it)
 */
public record ValidGroup(String name, NodeRole role, Map<String, String> labels, Optional<List<Taint>> taints) {

	public ValidGroup {
		Objects.requireNonNull(name);
		Objects.requireNonNull(role);
		labels = Ordered.copy(labels);
		taints = taints.map(List::copyOf);
	}

	NodeGroup definition() {
		return new NodeGroup(name, role, labels, taints.orElse(null));
	}

	static ValidGroup of(NodeGroup group) {
		return new ValidGroup(group.name(), group.role(), group.labels(), Optional.ofNullable(group.taints()));
	}

}

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
 * @param snippets the Butane configs merged into its nodes', in the order written
 */
public record ValidGroup(String name, NodeRole role, Map<String, String> labels, Optional<List<Taint>> taints,
		List<Snippet> snippets) {

	public ValidGroup(String name, NodeRole role, Map<String, String> labels, Optional<List<Taint>> taints) {
		this(name, role, labels, taints, List.of());
	}

	public ValidGroup {
		Objects.requireNonNull(name);
		Objects.requireNonNull(role);
		labels = Ordered.copy(labels);
		taints = taints.map(List::copyOf);
		snippets = List.copyOf(snippets);
	}

	NodeGroup definition() {
		return new NodeGroup(name, role, labels, taints.orElse(null), Snippet.definition(snippets));
	}

	static ValidGroup of(NodeGroup group) {
		return new ValidGroup(group.name(), group.role(), group.labels(), Optional.ofNullable(group.taints()),
				Snippet.of(group.snippets()));
	}

}

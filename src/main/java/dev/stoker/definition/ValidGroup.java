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
 * @param kubelet KubeletConfiguration fields of this group's nodes over the cluster's, in
 * the order written; empty when the group has none
 * @param kubeletExtraArgs extra kubelet flags of this group's nodes, in the order written
 * @param snippets the Butane configs merged into its nodes', in the order written
 */
public record ValidGroup(String name, NodeRole role, Map<String, String> labels, Optional<List<Taint>> taints,
		Map<String, Object> kubelet, Map<String, String> kubeletExtraArgs, List<Snippet> snippets) {

	public ValidGroup {
		Objects.requireNonNull(name);
		Objects.requireNonNull(role);
		labels = Ordered.copy(labels);
		taints = taints.map(List::copyOf);
		kubelet = Settings.freeze(kubelet);
		kubeletExtraArgs = Ordered.copy(kubeletExtraArgs);
		snippets = List.copyOf(snippets);
	}

	/** A group without kubelet settings or snippets of its own. */
	public ValidGroup(String name, NodeRole role, Map<String, String> labels, Optional<List<Taint>> taints) {
		this(name, role, labels, taints, Map.of(), Map.of(), List.of());
	}

	/** A group with kubelet settings and no snippets. */
	public ValidGroup(String name, NodeRole role, Map<String, String> labels, Optional<List<Taint>> taints,
			Map<String, Object> kubelet, Map<String, String> kubeletExtraArgs) {
		this(name, role, labels, taints, kubelet, kubeletExtraArgs, List.of());
	}

	/** A group with snippets and no kubelet settings. */
	public ValidGroup(String name, NodeRole role, Map<String, String> labels, Optional<List<Taint>> taints,
			List<Snippet> snippets) {
		this(name, role, labels, taints, Map.of(), Map.of(), snippets);
	}

	NodeGroup definition() {
		return new NodeGroup(name, role, labels, taints.orElse(null), kubelet.isEmpty() ? null : kubelet,
				kubeletExtraArgs.isEmpty() ? null : kubeletExtraArgs, Snippet.definition(snippets));
	}

	static ValidGroup of(NodeGroup group) {
		return new ValidGroup(group.name(), group.role(), group.labels(), Optional.ofNullable(group.taints()),
				group.kubelet() == null ? Map.of() : group.kubelet(),
				group.kubeletExtraArgs() == null ? Map.of() : group.kubeletExtraArgs(), Snippet.of(group.snippets()));
	}

}

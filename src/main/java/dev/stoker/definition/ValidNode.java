package dev.stoker.definition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.stoker.net.IpAddress;
import dev.stoker.net.IpFamily;

/**
 * A static node: a named machine of a group, with its literal address in every family of
 * the cluster.
 *
 * @param group the group it belongs to, whose role and labels it takes
 * @param addresses one per cluster family, in family order, as the operator wrote them
 * @param snippets the Butane configs merged into its own document, in the order written
 */
public record ValidNode(String name, ValidGroup group, List<NodeAddress> addresses, List<Snippet> snippets) {

	public ValidNode(String name, ValidGroup group, List<NodeAddress> addresses) {
		this(name, group, addresses, List.of());
	}

	public ValidNode {
		Objects.requireNonNull(name);
		Objects.requireNonNull(group);
		addresses = List.copyOf(addresses);
		snippets = List.copyOf(snippets);
	}

	/** Its address of this family; every family of the cluster has one. */
	public Optional<NodeAddress> address(IpFamily family) {
		return addresses.stream().filter((address) -> address.family() == family).findFirst();
	}

	StaticNode definition() {
		return new StaticNode(name, group.name(), address(IpFamily.IPV4).map(NodeAddress::text).orElse(null),
				address(IpFamily.IPV6).map(NodeAddress::text).orElse(null), Snippet.definition(snippets));
	}

	static ValidNode of(StaticNode node, List<ValidGroup> groups, List<IpFamily> families) {
		ValidGroup group = groups.stream()
			.filter((candidate) -> candidate.name().equals(node.group()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no node group named " + node.group()));
		return new ValidNode(node.name(), group,
				families.stream()
					.map((family) -> NodeAddress.parse((family == IpFamily.IPV4) ? node.ipv4() : node.ipv6(), family))
					.toList(),
				Snippet.of(node.snippets()));
	}

	/** An address as the operator wrote it, which is how node-ip spells it. */
	public record NodeAddress(String text, IpFamily family) {

		public NodeAddress {
			Objects.requireNonNull(text);
			Objects.requireNonNull(family);
		}

		@Override
		public String toString() {
			return text;
		}

		static NodeAddress parse(String text, IpFamily family) {
			IpAddress.parse(text)
				.filter((address) -> address.family() == family)
				.orElseThrow(() -> new IllegalArgumentException("not an " + family + " address: " + text));
			return new NodeAddress(text, family);
		}

	}

}

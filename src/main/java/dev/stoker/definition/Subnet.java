package dev.stoker.definition;

import java.util.List;
import java.util.Objects;

import dev.stoker.net.Cidr;
import dev.stoker.net.IpFamily;

/**
 * A pod or service range: parsed, and as the operator wrote it, which is how the kubeadm
 * config spells it.
 */
public record Subnet(String text, Cidr range) {

	public Subnet {
		Objects.requireNonNull(text);
		Objects.requireNonNull(range);
	}

	public IpFamily family() {
		return range.family();
	}

	@Override
	public String toString() {
		return text;
	}

	static List<Subnet> parse(List<String> texts) {
		return texts.stream().map(Subnet::parse).toList();
	}

	static List<String> texts(List<Subnet> subnets) {
		return subnets.stream().map(Subnet::text).toList();
	}

	private static Subnet parse(String text) {
		try {
			return new Subnet(text, Cidr.parse(text));
		}
		catch (Cidr.InvalidCidrException ex) {
			throw new IllegalArgumentException("not a CIDR range: " + text, ex);
		}
	}

}

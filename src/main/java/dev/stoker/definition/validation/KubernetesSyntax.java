package dev.stoker.definition.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name syntaxes Kubernetes enforces (apimachinery's validation package), so that a
 * definition Stoker accepts is one the API server and the kubelet accept too. Each check
 * answers why a value is wrong, or nothing when it is right.
 */
final class KubernetesSyntax {

	private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

	private static final Pattern QUALIFIED_NAME_PART = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

	private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

	private KubernetesSyntax() {
	}

	/** RFC 1123 label: node group, node and cluster names. */
	static Optional<String> dnsLabel(String value) {
		if (value.isEmpty() || value.length() > 63) {
			return Optional.of("must be 1 to 63 characters long");
		}
		if (!DNS_LABEL.matcher(value).matches()) {
			return Optional
				.of("must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit");
		}
		return Optional.empty();
	}

	/** RFC 1123 subdomain: dot-separated labels, at most 253 characters. */
	static Optional<String> dnsSubdomain(String value) {
		if (value.isEmpty() || value.length() > 253) {
			return Optional.of("must be 1 to 253 characters long");
		}
		for (String label : value.split("\\.", -1)) {
			if (label.isEmpty() || label.length() > 63 || !DNS_LABEL.matcher(label).matches()) {
				return Optional
					.of("must be a DNS name: dot-separated labels of lower-case letters, digits and '-', each starting and ending with a letter or digit");
			}
		}
		return Optional.empty();
	}

	/**
	 * A label or taint key: an optional DNS subdomain prefix and '/', then a name of at
	 * most 63 characters.
	 */
	static Optional<String> qualifiedName(String value) {
		int slash = value.indexOf('/');
		String name = slash < 0 ? value : value.substring(slash + 1);
		if (slash >= 0) {
			String prefix = value.substring(0, slash);
			if (dnsSubdomain(prefix).isPresent()) {
				return Optional.of("must have a DNS subdomain as its prefix (the part before '/')");
			}
		}
		if (name.isEmpty() || name.length() > 63) {
			return Optional.of("must have a name part of 1 to 63 characters");
		}
		if (!QUALIFIED_NAME_PART.matcher(name).matches()) {
			return Optional
				.of("must be a qualified name: letters, digits, '-', '_' and '.', starting and ending with a letter or digit, with an optional DNS prefix and '/'");
		}
		return Optional.empty();
	}

	/**
	 * A label or taint value: empty, or up to 63 characters of the qualified-name
	 * alphabet.
	 */
	static Optional<String> labelValue(String value) {
		if (value.length() > 63) {
			return Optional.of("must be at most 63 characters long");
		}
		if (!LABEL_VALUE.matcher(value).matches()) {
			return Optional
				.of("must be empty or letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
		}
		return Optional.empty();
	}

	/** The namespace (prefix) of a qualified name, or empty when it has none. */
	static String prefix(String qualifiedName) {
		int slash = qualifiedName.indexOf('/');
		return slash < 0 ? "" : qualifiedName.substring(0, slash);
	}

}

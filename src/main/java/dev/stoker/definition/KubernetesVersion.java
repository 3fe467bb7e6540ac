package dev.stoker.definition;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes release as kubeadm names it: {@code v1.33.2}. */
public record KubernetesVersion(int major, int minor, int patch) implements Comparable<KubernetesVersion> {

	private static final Pattern SYNTAX = Pattern
		.compile("v(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})");

	public static Optional<KubernetesVersion> tryParse(String text) {
		Matcher m = SYNTAX.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		return Optional.of(new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
				Integer.parseInt(m.group(3))));
	}

	public static KubernetesVersion parse(String text) {
		return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not a Kubernetes version"));
	}

	public boolean isAtLeast(int major, int minor) {
		return this.major > major || (this.major == major && this.minor >= minor);
	}

	@Override
	public int compareTo(KubernetesVersion other) {
		int byMajor = Integer.compare(major, other.major);
		if (byMajor != 0) {
			return byMajor;
		}
		int byMinor = Integer.compare(minor, other.minor);
		return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
	}

	@Override
	public String toString() {
		return "v" + major + "." + minor + "." + patch;
	}

}

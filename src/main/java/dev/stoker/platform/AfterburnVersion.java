package dev.stoker.platform;

/** An Afterburn release, {@code major.minor.patch}. */
public record AfterburnVersion(int major, int minor, int patch) implements Comparable<AfterburnVersion> {

	/**
	 * The Afterburn in Flatcar's stable, beta and alpha channels (5.10.0; LTS has 5.6.0).
	 * An address variable that needs a later release is not offered, because the node
	 * would boot without it.
	 */
	public static final AfterburnVersion SHIPPED_BY_FLATCAR = new AfterburnVersion(5, 10, 0);

	@Override
	public int compareTo(AfterburnVersion other) {
		return Integer.compare(major * 1_000_000 + minor * 1_000 + patch,
				other.major * 1_000_000 + other.minor * 1_000 + other.patch);
	}

	@Override
	public String toString() {
		return major + "." + minor + "." + patch;
	}

}

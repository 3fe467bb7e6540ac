package dev.stoker.definition;

import java.util.Optional;

import dev.stoker.json.WireEnum;

/**
 * The kubeadm configuration API version, and the Kubernetes releases whose kubeadm reads
 * it.
 */
public enum KubeadmApiVersion implements WireEnum {

	/** Removed from kubeadm in v1.37. */
	V1BETA3("v1beta3", new KubernetesVersion(1, 22, 0), new KubernetesVersion(1, 36, 0)),
	V1BETA4("v1beta4", new KubernetesVersion(1, 31, 0), null);

	private final String wireName;

	private final KubernetesVersion firstRelease;

	private final KubernetesVersion lastRelease;

	KubeadmApiVersion(String wireName, KubernetesVersion firstRelease, KubernetesVersion lastRelease) {
		this.wireName = wireName;
		this.firstRelease = firstRelease;
		this.lastRelease = lastRelease;
	}

	@Override
	public String wireName() {
		return wireName;
	}

	/** The first Kubernetes minor release whose kubeadm understands this API version. */
	public KubernetesVersion firstRelease() {
		return firstRelease;
	}

	/**
	 * The last Kubernetes minor release whose kubeadm still reads it, if it was removed.
	 */
	public Optional<KubernetesVersion> lastRelease() {
		return Optional.ofNullable(lastRelease);
	}

	public boolean isReadBy(KubernetesVersion kubernetes) {
		return kubernetes.isAtLeast(firstRelease.major(), firstRelease.minor())
				&& (lastRelease == null || !kubernetes.isAtLeast(lastRelease.major(), lastRelease.minor() + 1));
	}

	/** v1beta4 from the first release that reads it, v1beta3 before. */
	public static KubeadmApiVersion forKubernetes(KubernetesVersion kubernetes) {
		return V1BETA4.isReadBy(kubernetes) ? V1BETA4 : V1BETA3;
	}

}

package dev.stoker.render.install;

import dev.stoker.definition.Architecture;
import dev.stoker.definition.KubernetesVersion;

/**
 * Where the Kubernetes project publishes a release's binaries: {@code
 * https://dl.k8s.io/release/<version>/bin/linux/<arch>/<name>}, as kubernetes.io's
 * "Installing kubeadm" (without a package manager) and "Install kubectl on Linux" pages
 * download them. Kubernetes names architectures as Go does (amd64, arm64) where Flatcar
 * and Stoker say x86-64.
 */
final class KubernetesRelease {

	private static final String DOWNLOADS = "https://dl.k8s.io/release/";

	private KubernetesRelease() {
	}

	public static String binaryUrl(KubernetesVersion version, Architecture architecture, String binary) {
		return DOWNLOADS + version + "/bin/linux/" + goArch(architecture) + "/" + binary;
	}

	static String goArch(Architecture architecture) {
		return switch (architecture) {
			case X86_64 -> "amd64";
			case ARM64 -> "arm64";
		};
	}

}

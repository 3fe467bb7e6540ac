package dev.stoker.render.install;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.stoker.definition.Architecture;
import dev.stoker.definition.KubernetesVersion;

import static org.assertj.core.api.Assertions.assertThat;

/** Download addresses per version and architecture, each spelled as its source does. */
class InstallUrlsTest {

	@ParameterizedTest(name = "{2} {0} on {1} comes from {3}")
	@CsvSource(textBlock = """
			v1.33.2,  X86_64, kubeadm, https://dl.k8s.io/release/v1.33.2/bin/linux/amd64/kubeadm
			v1.33.2,  ARM64,  kubelet, https://dl.k8s.io/release/v1.33.2/bin/linux/arm64/kubelet
			v1.30.14, ARM64,  kubectl, https://dl.k8s.io/release/v1.30.14/bin/linux/arm64/kubectl
			v1.30.14, X86_64, kubelet, https://dl.k8s.io/release/v1.30.14/bin/linux/amd64/kubelet
			v2.0.0,   X86_64, kubeadm, https://dl.k8s.io/release/v2.0.0/bin/linux/amd64/kubeadm
			""")
	void kubernetesBinariesSayAmd64WhereFlatcarSaysX8664(String version, Architecture architecture, String binary,
			String url) {
		assertThat(KubernetesRelease.binaryUrl(KubernetesVersion.parse(version), architecture, binary)).isEqualTo(url);
	}

	@ParameterizedTest(name = "the {0} image for {1} is {2}")
	@CsvSource(textBlock = """
			v1.33.2,  X86_64, https://extensions.flatcar.org/extensions/kubernetes-v1.33.2-x86-64.raw
			v1.33.2,  ARM64,  https://extensions.flatcar.org/extensions/kubernetes-v1.33.2-arm64.raw
			v1.30.14, ARM64,  https://extensions.flatcar.org/extensions/kubernetes-v1.30.14-arm64.raw
			v1.32.10, X86_64, https://extensions.flatcar.org/extensions/kubernetes-v1.32.10-x86-64.raw
			""")
	void sysextImagesKeepFlatcarsArchitectureNames(String version, Architecture architecture, String url) {
		assertThat(SysextBakery.imageUrl(KubernetesVersion.parse(version), architecture)).isEqualTo(url);
	}

	@ParameterizedTest(name = "updates of {0} stay within {1}")
	@CsvSource(
			textBlock = """
					v1.33.2,  kubernetes-v1.33.conf, https://extensions.flatcar.org/extensions/kubernetes/kubernetes-v1.33.conf
					v1.33.0,  kubernetes-v1.33.conf, https://extensions.flatcar.org/extensions/kubernetes/kubernetes-v1.33.conf
					v1.30.14, kubernetes-v1.30.conf, https://extensions.flatcar.org/extensions/kubernetes/kubernetes-v1.30.conf
					v1.100.1, kubernetes-v1.100.conf, https://extensions.flatcar.org/extensions/kubernetes/kubernetes-v1.100.conf
					""")
	void theSysupdateTransferIsPinnedToTheMinorVersion(String version, String name, String url) {
		assertThat(SysextBakery.sysupdateName(KubernetesVersion.parse(version))).isEqualTo(name);
		assertThat(SysextBakery.sysupdateUrl(KubernetesVersion.parse(version))).isEqualTo(url);
	}

}

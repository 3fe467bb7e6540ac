package dev.stoker.definition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.stoker.json.Mappers;

import static org.assertj.core.api.Assertions.assertThat;

class KubeadmApiVersionTest {

	@ParameterizedTest(name = "kubeadm {1} reads {0}: {2}")
	@CsvSource(textBlock = """
			v1beta3, v1.21.14, false
			v1beta3, v1.22.0,  true
			v1beta3, v1.30.14, true
			v1beta3, v1.36.0,  true
			v1beta3, v1.36.9,  true
			v1beta3, v1.37.0,  false
			v1beta3, v2.0.0,   false
			v1beta4, v1.30.14, false
			v1beta4, v1.31.0,  true
			v1beta4, v1.37.0,  true
			v1beta4, v2.0.0,   true
			""")
	void knowsWhichKubeadmReadsIt(String api, String kubernetes, boolean read) {
		assertThat(wire(api).isReadBy(KubernetesVersion.parse(kubernetes))).isEqualTo(read);
	}

	@ParameterizedTest(name = "Kubernetes {0} gets {1}")
	@CsvSource(textBlock = """
			v1.22.0,  v1beta3
			v1.30.14, v1beta3
			v1.31.0,  v1beta4
			v1.36.9,  v1beta4
			v1.37.0,  v1beta4
			""")
	void picksTheNewestApiFromTheKubernetesVersion(String kubernetes, String api) {
		assertThat(KubeadmApiVersion.forKubernetes(KubernetesVersion.parse(kubernetes))).isEqualTo(wire(api));
	}

	/**
	 * Stoker accepts v1.22 and later, so each of those releases must get an API version
	 * it reads.
	 */
	@Test
	void everyAcceptedReleaseGetsAnApiVersionItReads() {
		for (int minor = 22; minor <= 45; minor++) {
			for (int patch : new int[] { 0, 1, 17 }) {
				KubernetesVersion release = new KubernetesVersion(1, minor, patch);
				assertThat(KubeadmApiVersion.forKubernetes(release).isReadBy(release)).as(release.toString()).isTrue();
			}
		}
	}

	@Test
	void knowsTheReleasesThatIntroducedAndRemovedEachVersion() {
		assertThat(KubeadmApiVersion.V1BETA3.firstRelease()).isEqualTo(new KubernetesVersion(1, 22, 0));
		assertThat(KubeadmApiVersion.V1BETA3.lastRelease()).hasValue(new KubernetesVersion(1, 36, 0));
		assertThat(KubeadmApiVersion.V1BETA4.firstRelease()).isEqualTo(new KubernetesVersion(1, 31, 0));
		assertThat(KubeadmApiVersion.V1BETA4.lastRelease()).isEmpty();
	}

	@Test
	void isWrittenAndReadByItsWireName() {
		assertThat(Mappers.json().writeValueAsString(KubeadmApiVersion.V1BETA4)).isEqualTo("\"v1beta4\"");
		assertThat(Mappers.json().readValue("\"v1beta3\"", KubeadmApiVersion.class))
			.isEqualTo(KubeadmApiVersion.V1BETA3);
	}

	private static KubeadmApiVersion wire(String name) {
		return Mappers.json().readValue("\"" + name + "\"", KubeadmApiVersion.class);
	}

}

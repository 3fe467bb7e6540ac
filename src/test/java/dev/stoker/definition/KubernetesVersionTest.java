package dev.stoker.definition;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KubernetesVersionTest {

	@ParameterizedTest(name = "{0} is major {1}, minor {2}, patch {3}")
	@CsvSource(textBlock = """
			v1.33.2,    1, 33,   2
			v1.22.0,    1, 22,   0
			v0.0.0,     0,  0,   0
			v2.0.10,    2,  0,  10
			v1.9999.0,  1, 9999, 0
			""")
	void parsesAReleaseAsKubeadmNamesIt(String text, int major, int minor, int patch) {
		assertThat(KubernetesVersion.tryParse(text)).hasValue(new KubernetesVersion(major, minor, patch));
		assertThat(KubernetesVersion.parse(text)).hasToString(text);
	}

	@ParameterizedTest(name = "\"{0}\" is not a Kubernetes release")
	@ValueSource(strings = { "", "1.33.2", "V1.33.2", "v1.33", "v1", "v1.33.", "v1..2", "v1.33.2.1", "v1.33.02",
			"v01.33.2", "v1.033.2", "v1.33.2-rc.1", "v1.33.2+k3s1", " v1.33.2", "v1.33.2 ", "v1.10000.0", "v-1.33.2",
			"v1.33.x", "v\uff11.33.2", "latest", "stable-1.33" })
	void refusesAnythingElse(String text) {
		assertThat(KubernetesVersion.tryParse(text)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> KubernetesVersion.parse(text));
	}

	@Test
	void ordersNumericallyNotAsText() {
		assertThat(Stream.of("v2.0.0", "v1.10.1", "v1.9.0", "v1.10.0", "v1.9.10", "v1.9.2")
			.map(KubernetesVersion::parse)
			.sorted()
			.map(KubernetesVersion::toString))
			.containsExactly("v1.9.0", "v1.9.2", "v1.9.10", "v1.10.0", "v1.10.1", "v2.0.0");
	}

	@ParameterizedTest(name = "{0} is at least 1.31: {1}")
	@CsvSource(textBlock = """
			v1.31.0,   true
			v1.31.9,   true
			v1.40.0,   true
			v2.0.0,    true
			v1.30.99,  false
			v0.99.0,   false
			""")
	void comparesMinorReleasesIgnoringThePatch(String text, boolean atLeast) {
		assertThat(KubernetesVersion.parse(text).isAtLeast(1, 31)).isEqualTo(atLeast);
	}

}

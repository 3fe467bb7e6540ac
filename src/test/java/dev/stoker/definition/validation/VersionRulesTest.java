package dev.stoker.definition.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.stoker.definition.Install;
import dev.stoker.definition.KubernetesVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which releases are refused, with the exact message a user reads, and which are stored
 * with a warning.
 */
class VersionRulesTest {

	private static final String OTHER_MAJOR = "must be a Kubernetes v1 release such as v1.33.2: Kubernetes has "
			+ "published no other major version, and kubeadm reads Stoker's config APIs only in v1";

	private static final String TOO_OLD = "must be v1.22.0 or later: older kubeadm releases read no config API that "
			+ "Stoker writes";

	private static final String NO_SYSEXT = "must be v1.27.0 or later with install sysext: Flatcar's sysext bakery "
			+ "has no Kubernetes image older than v1.27; use install binaries for an older release";

	@ParameterizedTest(name = "{0} with install {1}")
	@CsvSource(delimiter = '|', textBlock = """
			v2.0.0    | SYSEXT   | OTHER_MAJOR
			v2.0.0    | BINARIES | OTHER_MAJOR
			v0.99.0   | BINARIES | OTHER_MAJOR
			v3.1.0    | SYSEXT   | OTHER_MAJOR
			v1.21.14  | BINARIES | TOO_OLD
			v1.21.14  | SYSEXT   | TOO_OLD
			v1.26.15  | SYSEXT   | NO_SYSEXT
			v1.22.0   | SYSEXT   | NO_SYSEXT
			v1.26.15  |          | NO_SYSEXT
			""")
	void refused(String version, Install install, String message) {
		String expected = switch (message) {
			case "OTHER_MAJOR" -> OTHER_MAJOR;
			case "TOO_OLD" -> TOO_OLD;
			default -> NO_SYSEXT;
		};
		assertThat(VersionRules.refusal(KubernetesVersion.parse(version), install)).hasValue(expected);
	}

	@ParameterizedTest(name = "{0} with install {1}")
	@CsvSource(delimiter = '|', textBlock = """
			v1.22.0   | BINARIES
			v1.26.15  | BINARIES
			v1.27.0   | SYSEXT
			v1.27.0   |
			v1.33.99  | SYSEXT
			v1.37.0   | SYSEXT
			v1.99.0   | SYSEXT
			""")
	void served(String version, Install install) {
		assertThat(VersionRules.refusal(KubernetesVersion.parse(version), install)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "v1.38.0", "v1.99.0", "v1.9999.9999" })
	void aMinorNewerThanStokerKnowsIsWarnedAbout(String version) {
		assertThat(VersionRules.warnings(KubernetesVersion.parse(version))).containsExactly("kubernetesVersion "
				+ version + " is newer than v1.37, the newest minor release Stoker knows: check that the release "
				+ "exists and that its kubeadm reads the config API version the cluster uses before booting nodes.");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "v1.22.0", "v1.33.2", "v1.33.99", "v1.37.0", "v1.37.999" })
	void aKnownMinorIsNot(String version) {
		assertThat(VersionRules.warnings(KubernetesVersion.parse(version))).isEmpty();
	}

}

package dev.stoker.definition.validation;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import dev.stoker.Golden;
import dev.stoker.definition.Architecture;
import dev.stoker.definition.ButaneVersion;
import dev.stoker.definition.CloudProvider;
import dev.stoker.definition.ClusterDefaults;
import dev.stoker.definition.ClusterDefinition;
import dev.stoker.definition.Install;
import dev.stoker.definition.KubeadmApiVersion;
import dev.stoker.definition.NodeGroup;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.validation.ValidationCases.ValidationCase;
import dev.stoker.json.Mappers;
import dev.stoker.problem.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClusterValidatorTest {

	private final ClusterValidator validator = new ClusterValidator();

	static Stream<Arguments> validCases() {
		return ValidationCases.valid().map(c -> Arguments.of(c.sentence(), c));
	}

	static Stream<Arguments> invalidCases() {
		return ValidationCases.invalid().map(c -> Arguments.of(c.sentence(), c));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validCases")
	void acceptsValidDefinitions(String sentence, ValidationCase validCase) {
		assertThat(validator.validate(tree(validCase))).isNotNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidCases")
	void reportsEveryProblemAtItsPointer(String sentence, ValidationCase invalidCase) {
		assertThatExceptionOfType(InvalidDefinitionException.class)
			.isThrownBy(() -> validator.validate(tree(invalidCase)))
			.satisfies(ex -> {
				assertThat(ex.errors()).as("errors %s", ex.errors())
					.extracting(FieldError::pointer)
					.containsExactlyInAnyOrderElementsOf(invalidCase.pointers());
				assertThat(ex.errors()).extracting(FieldError::detail)
					.allSatisfy(detail -> assertThat(detail).isNotBlank()
						.doesNotContain("java.", "tools.jackson", "Exception", "null"));
			});
	}

	/**
	 * Every detail a user reads, case by case, as reviewed in the golden file: rerun with
	 * STOKER_UPDATE_GOLDEN=true after changing a message, and read the diff.
	 */
	@Test
	void everyReportReadsAsReviewed() throws Exception {
		Golden.assertMatches(ValidationReports.of(this::errors), ValidationReports.GOLDEN);
	}

	private List<FieldError> errors(ValidationCase invalidCase) {
		try {
			validator.validate(tree(invalidCase));
		}
		catch (InvalidDefinitionException ex) {
			return ex.errors();
		}
		throw new AssertionError("accepted, but expected to be refused: " + invalidCase.sentence());
	}

	@Test
	void everyCaseHasItsOwnSentence() {
		List<String> sentences = Stream.concat(ValidationCases.valid(), ValidationCases.invalid())
			.map(ValidationCase::sentence)
			.toList();
		assertThat(sentences).doesNotHaveDuplicates();
	}

	@Test
	void everySentenceSaysWhatHappens() {
		assertThat(ValidationCases.valid())
			.allSatisfy(c -> assertThat(c.sentence()).endsWith(" accepted").doesNotContain("refused"));
		assertThat(ValidationCases.invalid())
			.allSatisfy(c -> assertThat(c.sentence()).containsAnyOf(" refused", " reported"));
	}

	private static JsonNode tree(ValidationCase validationCase) {
		return Mappers.json().readTree(validationCase.json());
	}

	/** What a stored definition spells out that the operator left out. */
	@Nested
	class Defaults {

		@Test
		void omittedNodeGroupsBecomeTheThreeDefaultGroups() {
			ClusterDefinition defined = validate(ValidationCases.base().remove("/nodeGroups"));
			assertThat(defined.nodeGroups()).containsExactly(
					new NodeGroup("bootstrap", NodeRole.BOOTSTRAP, Map.of(), null),
					new NodeGroup("control-plane", NodeRole.CONTROL_PLANE, Map.of(), null),
					new NodeGroup("workers", NodeRole.WORKER, Map.of(), null));
		}

		@Test
		void omittedOptionalFieldsGetTheirDefaults() {
			ClusterDefinition defined = validate(ValidationCases.requiredFieldsOnly());
			assertThat(defined.install()).isEqualTo(Install.SYSEXT);
			assertThat(defined.architecture()).isEqualTo(Architecture.X86_64);
			assertThat(defined.butaneVersion()).isEqualTo(ButaneVersion.V1_0_0);
			assertThat(defined.volumePluginDir()).isEqualTo("/opt/libexec/kubernetes/kubelet-plugins/volume/exec/");
			assertThat(defined.controlPlaneEndpoint().port()).isEqualTo(6443);
			assertThat(defined.networking().dnsDomain()).isEqualTo("cluster.local");
			assertThat(defined.networking().skipKubeProxy()).isFalse();
			assertThat(defined.cloudProvider()).isEqualTo(CloudProvider.NONE);
			assertThat(defined.ssh().user()).isEqualTo("core");
			assertThat(defined.ssh().authorizedKeys()).isEmpty();
			assertThat(defined.apiServer().certSANs()).isEmpty();
			assertThat(defined.apiServer().extraArgs()).isEmpty();
			assertThat(defined.controllerManager().extraArgs()).isEmpty();
			assertThat(defined.nodes()).isEmpty();
			assertThat(defined.kubeadmApiVersion()).isEqualTo(KubeadmApiVersion.V1BETA4);
		}

		@Test
		void explicitNullsGetTheDefaultsToo() {
			ClusterDefinition defined = validate(ValidationCases.base()
				.set("/install", null)
				.set("/controlPlaneEndpoint/port", null)
				.set("/volumePluginDir", null)
				.set("/nodeGroups", null));
			assertThat(defined.install()).isEqualTo(Install.SYSEXT);
			assertThat(defined.controlPlaneEndpoint().port()).isEqualTo(ClusterDefaults.API_SERVER_PORT);
			assertThat(defined.volumePluginDir()).isEqualTo(ClusterDefaults.VOLUME_PLUGIN_DIR);
			assertThat(defined.nodeGroups()).extracting(NodeGroup::name)
				.containsExactly("bootstrap", "control-plane", "workers");
		}

		@ParameterizedTest(name = "Kubernetes {0} gets kubeadm API {1}")
		@CsvSource(textBlock = """
				v1.22.0,  v1beta3
				v1.30.14, v1beta3
				v1.31.0,  v1beta4
				v1.33.2,  v1beta4
				v1.37.0,  v1beta4
				""")
		void kubeadmApiVersionFollowsTheKubernetesVersion(String kubernetes, String api) {
			// no cloud provider: before v1.29 the kubelet refuses it in
			// a dual-stack cluster
			ClusterDefinition defined = validate(ValidationCases.base()
				.set("/kubernetesVersion", kubernetes)
				.remove("/kubeadmApiVersion")
				.set("/cloudProvider", "none")
				.set("/install", "binaries"));
			assertThat(defined.kubeadmApiVersion().wireName()).isEqualTo(api);
		}

		@Test
		void aGivenKubeadmApiVersionIsKept() {
			ClusterDefinition defined = validate(ValidationCases.base().set("/kubeadmApiVersion", "v1beta3"));
			assertThat(defined.kubeadmApiVersion()).isEqualTo(KubeadmApiVersion.V1BETA3);
		}

		@Test
		void absentTaintsStayAbsentAndAnEmptyListStaysEmpty() {
			ClusterDefinition defined = validate(ValidationCases.base());
			assertThat(defined.nodeGroups().get(0).taints()).isNull();
			assertThat(defined.nodeGroups().get(2).taints()).isEqualTo(List.of());
		}

		@Test
		void givenValuesAreKept() {
			ClusterDefinition defined = validate(ValidationCases.base()
				.set("/install", "binaries")
				.set("/architecture", "arm64")
				.set("/butaneVersion", "1.1.0")
				.set("/controlPlaneEndpoint/port", 443)
				.set("/networking/dnsDomain", "corp.example")
				.set("/volumePluginDir", "/var/lib/kubelet/volumeplugins")
				.set("/ssh/user", "ops"));
			assertThat(defined.install()).isEqualTo(Install.BINARIES);
			assertThat(defined.architecture()).isEqualTo(Architecture.ARM64);
			assertThat(defined.butaneVersion()).isEqualTo(ButaneVersion.V1_1_0);
			assertThat(defined.controlPlaneEndpoint().port()).isEqualTo(443);
			assertThat(defined.networking().dnsDomain()).isEqualTo("corp.example");
			assertThat(defined.networking().skipKubeProxy()).isTrue();
			assertThat(defined.cloudProvider()).isEqualTo(CloudProvider.EXTERNAL);
			assertThat(defined.volumePluginDir()).isEqualTo("/var/lib/kubelet/volumeplugins");
			assertThat(defined.ssh().user()).isEqualTo("ops");
			assertThat(defined.nodeGroups().get(2).labels()).isEqualTo(Map.of("tier", "general"));
		}

		private ClusterDefinition validate(DefinitionJson body) {
			return validator.validate(body.tree()).definition();
		}

	}

}

package dev.stoker.render.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stoker.Golden;
import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneConfig.Directory;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Link;
import dev.stoker.butane.ButaneYaml;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.ignition.ButaneTranspiler;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.ignition.IgnitionValidate;
import dev.stoker.json.Mappers;
import dev.stoker.systemd.SystemdCommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The install pieces of both methods, wrapped alone in a minimal config: reviewed golden
 * Butane and Ignition, and Ignition the real validator accepts without a word.
 */
class InstallMethodTest {

	static final String SYSEXT = "install-sysext-v1.33.2-x86-64";

	static final String BINARIES = "install-binaries-v1.30.14-arm64";

	/** The AWS example as it is: v1.33.2, x86-64, sysext. */
	static ValidCluster sysextCluster() throws Exception {
		return cluster(example());
	}

	static ValidCluster binariesCluster() throws Exception {
		return cluster(example().replace("kubernetesVersion: v1.33.2", "kubernetesVersion: v1.30.14")
			.replace("install: sysext", "install: binaries")
			.replace("patchUpdates: true", "patchUpdates: false")
			.replace("architecture: x86-64", "architecture: arm64"));
	}

	private static String example() throws Exception {
		return Files.readString(Path.of("examples", "aws-dual-stack.yaml"));
	}

	private static ValidCluster cluster(String yaml) {
		return new ClusterValidator().validate(Mappers.yaml().readTree(yaml));
	}

	static ButaneConfig alone(InstallPieces pieces) {
		return ButaneConfig.flatcar("1.0.0", pieces.storage(), pieces.systemd(), null);
	}

	static Stream<Arguments> methods() throws Exception {
		return Stream.of(argumentSet("sysext, v1.33.2 on x86-64", sysextCluster(), SYSEXT),
				argumentSet("binaries, v1.30.14 on arm64", binariesCluster(), BINARIES));
	}

	@ParameterizedTest(name = "{argumentSetName}")
	@MethodSource("methods")
	void butaneMatchesTheReviewedFile(ValidCluster cluster, String name) throws Exception {
		Golden.assertMatches(ButaneYaml.write(alone(InstallMethod.pieces(cluster))), "butane/" + name + ".yaml");
	}

	@ParameterizedTest(name = "{argumentSetName}")
	@MethodSource("methods")
	void ignitionMatchesTheReviewedFile(ValidCluster cluster, String name) throws Exception {
		Golden.assertMatches(IgnitionJson.write(ButaneTranspiler.transpile(alone(InstallMethod.pieces(cluster)))),
				"ignition/" + name + ".json");
	}

	@ParameterizedTest(name = "{argumentSetName}")
	@MethodSource("methods")
	void ignitionValidateHasNothingToSay(ValidCluster cluster, String name) {
		String json = IgnitionJson.write(ButaneTranspiler.transpile(alone(InstallMethod.pieces(cluster))));
		IgnitionValidate.Result result = IgnitionValidate.validate(json);
		assertThat(result.output()).as(name).isEmpty();
		assertThat(result.exitCode()).as(name).isZero();
	}

	@ParameterizedTest(name = "{argumentSetName}")
	@MethodSource("methods")
	void theVolumePluginDirectoryExistsWhateverTheMethod(ValidCluster cluster, String name) {
		assertThat(InstallMethod.pieces(cluster).directories()).extracting(Directory::path)
			.contains("/opt/libexec/kubernetes/kubelet-plugins/volume/exec");
	}

	@Test
	void binariesAreExecutableInOptBinAndTheCniDirectoryExists() throws Exception {
		InstallPieces pieces = InstallMethod.pieces(binariesCluster());
		assertThat(pieces.files()).extracting(File::path)
			.containsExactly("/opt/bin/kubeadm", "/opt/bin/kubelet", "/opt/bin/kubectl");
		assertThat(pieces.files()).allSatisfy(file -> assertThat(file.mode()).isEqualTo(0755));
		assertThat(pieces.files()).allSatisfy(file -> assertThat(file.contents().source())
			.startsWith("https://dl.k8s.io/release/v1.30.14/bin/linux/arm64/"));
		assertThat(pieces.directories()).extracting(Directory::path).contains("/opt/cni/bin");
	}

	@Test
	void theSysextIsLinkedWhereSystemdSysextLooksAndUpdatedBySysupdate() throws Exception {
		InstallPieces pieces = InstallMethod.pieces(sysextCluster());
		assertThat(pieces.links()).singleElement().satisfies(link -> {
			assertThat(link.path()).isEqualTo("/etc/extensions/kubernetes.raw");
			assertThat(link.target()).isEqualTo("/opt/extensions/kubernetes/kubernetes-v1.33.2-x86-64.raw");
		});
		assertThat(pieces.files()).extracting(File::path)
			.contains("/etc/sysupdate.kubernetes.d/kubernetes-v1.33.conf",
					"/opt/extensions/kubernetes/kubernetes-v1.33.2-x86-64.raw");
		assertThat(pieces.units()).anySatisfy(unit -> {
			assertThat(unit.name()).isEqualTo("systemd-sysupdate.timer");
			assertThat(unit.enabled()).isTrue();
		});
		assertThat(pieces.units()).noneMatch(unit -> unit.name().equals("kubelet.service"));
	}

	@Test
	void withoutPatchUpdatesTheSysextIsLinkedAndNothingUpdatesIt() throws Exception {
		InstallPieces pieces = InstallMethod.pieces(cluster(example().replaceAll("patchUpdates: true.*\n", "")));
		assertThat(pieces.links()).extracting(Link::target)
			.containsExactly("/opt/extensions/kubernetes/kubernetes-v1.33.2-x86-64.raw");
		assertThat(pieces.files()).extracting(File::path)
			.containsExactly("/opt/extensions/kubernetes/kubernetes-v1.33.2-x86-64.raw");
		assertThat(pieces.units()).isEmpty();
	}

	@Test
	void theSysupdateDropinUpdatesKubernetesAndAsksForARebootWhenTheImageChanged() throws Exception {
		String dropin = InstallMethod.pieces(sysextCluster())
			.units()
			.stream()
			.filter(unit -> unit.name().equals("systemd-sysupdate.service"))
			.findFirst()
			.orElseThrow()
			.dropins()
			.get(0)
			.contents();
		List<List<String>> commands = dropin.lines()
			.filter(line -> line.startsWith("Exec"))
			.map(line -> SystemdCommandLine.parse(line.substring(line.indexOf('=') + 1)))
			.toList();
		assertThat(commands).containsExactly(
				List.of("/usr/bin/sh", "-c",
						"readlink --canonicalize /etc/extensions/kubernetes.raw > /tmp/kubernetes"),
				List.of("/usr/lib/systemd/systemd-sysupdate", "-C", "kubernetes", "update"),
				List.of("/usr/bin/sh", "-c",
						"readlink --canonicalize /etc/extensions/kubernetes.raw > /tmp/kubernetes-new"),
				List.of("/usr/bin/sh", "-c",
						"if ! cmp --silent /tmp/kubernetes /tmp/kubernetes-new; then touch /run/reboot-required; fi"));
	}

}

package dev.stoker.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.stoker.definition.ApiServerSettings;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.json.Mappers;
import dev.stoker.kubeadm.JoinSecrets;
import dev.stoker.kubeadm.KubeadmConfigFactory;
import dev.stoker.kubeadm.KubeadmYaml;
import dev.stoker.systemd.UnitWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the unit's own script lines the way a Flatcar host would ({@link HostSimulation}):
 * the real bash and envsubst, with the metadata file's variables in the environment.
 */
class KubeadmUnitHostSimulationTest {

	private static final JoinSecrets SECRETS = new JoinSecrets("abcdef.0123456789abcdef",
			"0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
			"sha256:8f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a2918");

	/**
	 * Text with $ that must reach kubeadm as written, although HOME and the look-alike
	 * variables below are set on the host: only the listed variables are substituted.
	 */
	private static final String AUDIT_LOG_PATH = "/var/log/$HOME/price$5";

	private static final String ISSUER = "https://issuer.example/${COREOS_EC2_IPV6_SUFFIX}/$COREOS_EC2_IPV4_LOCALX/$$";

	private static final String METADATA = """
			COREOS_EC2_HOSTNAME=ip-10-0-0-5.ec2.internal
			COREOS_EC2_IPV4_LOCAL=10.0.0.5
			COREOS_EC2_IPV6=2600:1f18::5
			""";

	@TempDir
	Path dir;

	/**
	 * The example cluster with $ text in its extra args. Validation refuses $ there (the
	 * node would substitute a variable written in it), so the definition is built past
	 * it: this test shows that envsubst's explicit list leaves any other $ alone anyway.
	 */
	private static ValidCluster aws() throws Exception {
		ValidCluster c = RenderExamples.parse(Files.readString(Path.of("examples", "aws-dual-stack.yaml")));
		Map<String, String> args = new LinkedHashMap<>();
		args.put("audit-log-path", AUDIT_LOG_PATH);
		args.put("service-account-issuer", ISSUER);
		return new ValidCluster(c.name(), c.kubernetesVersion(), c.kubeadmApiVersion(), c.platform(), c.install(),
				c.architecture(), c.butaneVersion(), c.controlPlaneEndpoint(),
				new ApiServerSettings(c.apiServer().certSANs(), args), c.controllerManagerArgs(), c.networking(),
				c.cloudProvider(), c.volumePluginDir(), c.ssh(), c.groups(), c.nodes(), c.patchUpdates());
	}

	@ParameterizedTest(name = "group {0}: node-ip is substituted in subnet order and nothing else changes")
	@ValueSource(strings = { "bootstrap", "control-plane", "workers" })
	void envsubstFillsTheAddressesAndLeavesEveryOtherByteAlone(String groupName) throws Exception {
		ValidCluster cluster = aws();
		ValidGroup group = RenderExamples.group(cluster, groupName);
		AddressSource source = AddressSource.forGroup(cluster, group);
		String config = KubeadmYaml.write(KubeadmConfigFactory.documents(cluster, group, source.addresses(), SECRETS));
		String placeholder = "\"$COREOS_EC2_IPV4_LOCAL,$COREOS_EC2_IPV6\"";
		assertThat(config.split(Pattern.quote(placeholder), -1)).hasSize(2);
		Path in = dir.resolve("kubeadm.yml");
		Path out = dir.resolve("kubeadm-final.yml");
		Files.writeString(in, config, StandardCharsets.UTF_8);

		UnitLines unit = new UnitLines(UnitWriter.write(KubeadmUnit.of(cluster, group.role(), source, false)));
		HostSimulation.Run run = HostSimulation.run(unit.execLine("envsubst"), in, out,
				HostSimulation.metadata(METADATA));

		assertThat(run.exitCode()).as(run.output()).isZero();
		String result = Files.readString(out, StandardCharsets.UTF_8);
		assertThat(result).isEqualTo(config.replace(placeholder, "\"10.0.0.5,2600:1f18::5\""));
		assertThat(Files.getPosixFilePermissions(out)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		List<JsonNode> documents = documents(result);
		JsonNode registration = documents.get(0).get("nodeRegistration");
		assertThat(arg(registration.get("kubeletExtraArgs"), "node-ip")).isEqualTo("10.0.0.5,2600:1f18::5");
		if (group.role() == NodeRole.BOOTSTRAP) {
			JsonNode apiServerArgs = documents.get(1).get("apiServer").get("extraArgs");
			assertThat(arg(apiServerArgs, "audit-log-path")).isEqualTo(AUDIT_LOG_PATH);
			assertThat(arg(apiServerArgs, "service-account-issuer")).isEqualTo(ISSUER);
		}
	}

	@Test
	void theSecondAttemptRewritesTheFileWithTheSameModeAndBytes() throws Exception {
		ValidCluster cluster = aws();
		ValidGroup group = RenderExamples.group(cluster, "workers");
		AddressSource source = AddressSource.forGroup(cluster, group);
		Path in = dir.resolve("kubeadm.yml");
		Path out = dir.resolve("kubeadm-final.yml");
		Files.writeString(in,
				KubeadmYaml.write(KubeadmConfigFactory.documents(cluster, group, source.addresses(), SECRETS)));
		String line = new UnitLines(UnitWriter.write(KubeadmUnit.of(cluster, group.role(), source, false)))
			.execLine("envsubst");
		assertThat(HostSimulation.run(line, in, out, HostSimulation.metadata(METADATA)).exitCode()).isZero();
		String first = Files.readString(out);
		assertThat(HostSimulation.run(line, in, out, HostSimulation.metadata(METADATA)).exitCode()).isZero();
		assertThat(Files.readString(out)).isEqualTo(first);
		assertThat(Files.getPosixFilePermissions(out)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	@ParameterizedTest(name = "metadata without {0}: the check exits 1 and names it")
	@ValueSource(strings = { "COREOS_EC2_IPV4_LOCAL", "COREOS_EC2_IPV6" })
	void theCheckNamesAnEmptyOrMissingVariableAndFails(String variable) throws Exception {
		ValidCluster cluster = aws();
		ValidGroup group = RenderExamples.group(cluster, "workers");
		String line = new UnitLines(
				UnitWriter.write(KubeadmUnit.of(cluster, group.role(), AddressSource.forGroup(cluster, group), false)))
			.execLine(" is empty or missing ");
		Path unused = dir.resolve("unused");

		Map<String, String> empty = HostSimulation
			.metadata(METADATA.replaceAll("(?m)^" + variable + "=.*$", variable + "="));
		assertThat(empty).containsEntry(variable, "");
		HostSimulation.Run whenEmpty = HostSimulation.run(line, unused, unused, empty);
		assertThat(whenEmpty.exitCode()).isEqualTo(1);
		assertThat(whenEmpty.output()).startsWith("<3>" + variable + " is empty or missing in /run/metadata/flatcar");

		Map<String, String> missing = HostSimulation.metadata(METADATA.replaceAll("(?m)^" + variable + "=.*\n", ""));
		assertThat(missing).doesNotContainKey(variable);
		HostSimulation.Run whenMissing = HostSimulation.run(line, unused, unused, missing);
		assertThat(whenMissing.exitCode()).isEqualTo(1);
		assertThat(whenMissing.output()).startsWith("<3>" + variable + " is empty or missing");

		HostSimulation.Run whenBothSet = HostSimulation.run(line, unused, unused, HostSimulation.metadata(METADATA));
		assertThat(whenBothSet.exitCode()).as(whenBothSet.output()).isZero();
		assertThat(whenBothSet.output()).isEmpty();
	}

	@ParameterizedTest(name = "SERVICE_RESULT={0}: a join node resets only after a failed attempt")
	@ValueSource(strings = { "success", "exit-code", "signal", "timeout", "resources" })
	void aJoinNodeResetsOnlyAfterAFailedAttempt(String result) throws Exception {
		ValidCluster cluster = aws();
		ValidGroup group = RenderExamples.group(cluster, "control-plane");
		String line = new UnitLines(
				UnitWriter.write(KubeadmUnit.of(cluster, group.role(), AddressSource.forGroup(cluster, group), false)))
			.execLine("ExecStopPost");
		Path calls = dir.resolve("calls");
		HostSimulation.Run run = HostSimulation.run(withFakeKubeadm(line, calls, 0), dir.resolve("unused"),
				dir.resolve("unused"), Map.of("SERVICE_RESULT", result));
		assertThat(run.exitCode()).isZero();
		if (result.equals("success")) {
			assertThat(calls).doesNotExist();
		}
		else {
			assertThat(Files.readString(calls)).isEqualTo("reset -f\n");
			assertThat(run.output()).startsWith("<4>This attempt failed (" + result + ")");
		}
	}

	@Test
	void aFailedInitEndsWithTheStatusThatStopsRestartsAndSaysWhatToDo() throws Exception {
		ValidCluster cluster = aws();
		ValidGroup group = RenderExamples.group(cluster, "bootstrap");
		String line = new UnitLines(
				UnitWriter.write(KubeadmUnit.of(cluster, group.role(), AddressSource.forGroup(cluster, group), false)))
			.execLine(" init ");
		Path calls = dir.resolve("calls");
		Path unused = dir.resolve("unused");

		HostSimulation.Run failed = HostSimulation.run(withFakeKubeadm(line, calls, 1), unused, unused, Map.of());
		assertThat(failed.exitCode()).isEqualTo(KubeadmUnit.INIT_FAILED);
		assertThat(failed.output()).startsWith("<2>kubeadm init failed and this node will not retry it.")
			.contains("Do not run kubeadm reset here");
		assertThat(Files.readString(calls)).as("the final config, moved for the test; nothing uploaded")
			.isEqualTo("init --config " + unused + "\n");

		Files.delete(calls);
		HostSimulation.Run succeeded = HostSimulation.run(withFakeKubeadm(line, calls, 0), unused, unused, Map.of());
		assertThat(succeeded.exitCode()).isZero();
		assertThat(succeeded.output()).isEmpty();
	}

	/**
	 * A joining control plane over two attempts: the first copies the shared keys from
	 * where the document wrote them into kubeadm's directory, with their modes; the
	 * attempt fails, and the reset that follows deletes that directory's contents as
	 * kubeadm reset does; the next attempt copies them again, so kubeadm finds them.
	 */
	@Test
	void aControlPlaneFindsTheSharedKeysAgainAfterAResetDeletedThem() throws Exception {
		ValidCluster cluster = aws();
		ValidGroup group = RenderExamples.group(cluster, "control-plane");
		UnitLines unit = new UnitLines(
				UnitWriter.write(KubeadmUnit.of(cluster, group.role(), AddressSource.forGroup(cluster, group), false)));
		Path shared = dir.resolve("etc/stoker/pki");
		Path pki = dir.resolve("etc/kubernetes/pki");
		Map<String, String> modes = new LinkedHashMap<>();
		for (String file : List.of("ca.crt", "front-proxy-ca.crt", "etcd/ca.crt", "sa.pub")) {
			modes.put(file, "rw-r--r--");
		}
		for (String file : List.of("ca.key", "front-proxy-ca.key", "etcd/ca.key", "sa.key")) {
			modes.put(file, "rw-------");
		}
		for (Map.Entry<String, String> file : modes.entrySet()) {
			Path path = shared.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.writeString(path, "contents of " + file.getKey());
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(file.getValue()));
		}
		String restore = unit.execLine("/etc/stoker/pki/")
			.replace("/etc/stoker/pki/", shared + "/")
			.replace("/etc/kubernetes/pki/", pki + "/");
		Path calls = dir.resolve("calls");
		// kubeadm reset deletes the contents of the certificate directory
		// (cmd/kubeadm/app/cmd/phases/reset, resetConfigDir)
		Path fake = dir.resolve("kubeadm");
		Files.writeString(fake,
				"#!/bin/bash\necho \"$*\" >> '" + calls + "'\nfind '" + pki + "' -mindepth 1 -delete\n");
		Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
		String reset = unit.execLine("ExecStopPost").replace("/usr/bin/kubeadm ", fake + " ");
		Path unused = dir.resolve("unused");

		for (int attempt = 1; attempt <= 2; attempt++) {
			HostSimulation.Run copied = HostSimulation.run(restore, unused, unused, Map.of());
			assertThat(copied.exitCode()).as(copied.output()).isZero();
			for (Map.Entry<String, String> file : modes.entrySet()) {
				Path path = pki.resolve(file.getKey());
				assertThat(path).as("attempt " + attempt).hasContent("contents of " + file.getKey());
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(file.getKey())
					.isEqualTo(file.getValue());
			}
			HostSimulation.Run failed = HostSimulation.run(reset, unused, unused,
					Map.of("SERVICE_RESULT", "exit-code"));
			assertThat(failed.exitCode()).isZero();
			try (var left = Files.list(pki)) {
				assertThat(left).as("the reset emptied kubeadm's directory").isEmpty();
			}
		}
		assertThat(Files.readAllLines(calls)).containsExactly("reset -f", "reset -f");
		assertThat(shared.resolve("sa.key")).as("the document's copy is never touched")
			.hasContent("contents of sa.key");
	}

	/**
	 * The Exec line with kubeadm replaced by a script that records its arguments in
	 * {@code calls} and exits with {@code status}.
	 */
	private String withFakeKubeadm(String execLine, Path calls, int status) throws IOException {
		Path fake = dir.resolve("kubeadm");
		Files.writeString(fake, "#!/bin/bash\necho \"$*\" >> '" + calls + "'\nexit " + status + "\n");
		Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
		assertThat(execLine).contains("/usr/bin/kubeadm ");
		return execLine.replace("/usr/bin/kubeadm ", fake + " ");
	}

	private static List<JsonNode> documents(String yaml) throws Exception {
		List<JsonNode> documents = new ArrayList<>();
		for (String document : yaml.split("(?m)^---\n")) {
			documents.add(Mappers.yaml().readTree(document));
		}
		return documents;
	}

	/** A v1beta4 extra argument's value: the list holds {name, value} entries. */
	private static String arg(JsonNode args, String name) {
		for (JsonNode arg : args) {
			if (arg.get("name").asString().equals(name)) {
				return arg.get("value").asString();
			}
		}
		throw new AssertionError("no " + name + " in " + args);
	}

}

package dev.stoker.render;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stoker.definition.NodeRole;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.definition.ValidNode;
import dev.stoker.systemd.UnitWriter;

import static dev.stoker.render.RenderExamples.example;
import static dev.stoker.render.RenderExamples.group;
import static dev.stoker.render.RenderExamples.node;
import static org.assertj.core.api.Assertions.assertThat;

/** What each role's kubeadm.service does, read back from the written unit. */
class KubeadmUnitTest {

	private static UnitLines groupUnit(String file, String groupName) throws Exception {
		ValidCluster cluster = example(file);
		ValidGroup group = group(cluster, groupName);
		return new UnitLines(
				UnitWriter.write(KubeadmUnit.of(cluster, group.role(), AddressSource.forGroup(cluster, group), false)));
	}

	private static UnitLines staticUnit(String nodeName) throws Exception {
		ValidCluster cluster = example("metal-ipv6-first.yaml");
		ValidNode node = node(cluster, nodeName);
		NodeRole role = node.group().role();
		return new UnitLines(
				UnitWriter.write(KubeadmUnit.of(cluster, role, AddressSource.forNode(cluster, node, role), false)));
	}

	static Stream<Arguments> units() throws Exception {
		return Stream.of(
				Arguments.of("aws bootstrap", NodeRole.BOOTSTRAP, groupUnit("aws-dual-stack.yaml", "bootstrap")),
				Arguments.of("aws control-plane", NodeRole.CONTROL_PLANE,
						groupUnit("aws-dual-stack.yaml", "control-plane")),
				Arguments.of("aws workers", NodeRole.WORKER, groupUnit("aws-dual-stack.yaml", "workers")),
				Arguments.of("aws gpu workers", NodeRole.WORKER, groupUnit("aws-dual-stack.yaml", "gpu")),
				Arguments.of("azure bootstrap", NodeRole.BOOTSTRAP, groupUnit("azure-ipv4.yaml", "bootstrap")),
				Arguments.of("azure workers", NodeRole.WORKER, groupUnit("azure-ipv4.yaml", "workers")),
				Arguments.of("static cp-1", NodeRole.BOOTSTRAP, staticUnit("cp-1")),
				Arguments.of("static cp-2", NodeRole.CONTROL_PLANE, staticUnit("cp-2")),
				Arguments.of("static worker-1", NodeRole.WORKER, staticUnit("worker-1")));
	}

	@ParameterizedTest(
			name = "{0}: only the bootstrap node runs kubeadm init, uploading nothing; every other one joins")
	@MethodSource("units")
	void onlyTheBootstrapNodeInitialises(String name, NodeRole role, UnitLines unit) {
		String exec = String.join("\n", unit.execLines());
		assertThat(exec).doesNotContain("upload-certs");
		if (role == NodeRole.BOOTSTRAP) {
			assertThat(exec).contains("kubeadm init --config /etc/kubeadm").doesNotContain(" join ");
		}
		else {
			assertThat(exec).doesNotContain(" init ");
			assertThat(UnitLines.argv(unit.execLine(" join "))).endsWith("join", "--config",
					unit.text().contains("envsubst") ? KubeadmUnit.FINAL_CONFIG : KubeadmUnit.CONFIG);
		}
	}

	@ParameterizedTest(name = "{0}: a failed join is reset before the retry; the bootstrap node never resets")
	@MethodSource("units")
	void joinsResetBeforeARetryAndTheBootstrapNodeNever(String name, NodeRole role, UnitLines unit) {
		assertThat(unit.values("Restart")).containsExactly("on-failure");
		assertThat(unit.values("RestartSec")).hasSize(1);
		assertThat(unit.values("StartLimitIntervalSec")).as("retries never hit the start limit").containsExactly("0");
		assertThat(unit.text()).doesNotContain("sleep");
		if (role == NodeRole.BOOTSTRAP) {
			assertThat(unit.text()).doesNotContain("reset -f").doesNotContain("ExecStopPost");
			assertThat(unit.values("RestartPreventExitStatus")).containsExactly("" + KubeadmUnit.INIT_FAILED);
			List<String> init = UnitLines.argv(unit.execLine(" init "));
			assertThat(init.get(2)).contains("exit " + KubeadmUnit.INIT_FAILED)
				.contains("Do not run kubeadm reset here");
		}
		else {
			assertThat(unit.values("RestartPreventExitStatus")).isEmpty();
			List<String> reset = UnitLines.argv(unit.execLine("ExecStopPost"));
			assertThat(unit.execLine("ExecStopPost")).startsWith("ExecStopPost=-");
			assertThat(reset.get(2)).startsWith("[ \"$SERVICE_RESULT\" = success ] || {").contains("kubeadm reset -f");
		}
	}

	@ParameterizedTest(name = "{0}: images pull with --config on the bootstrap node only")
	@MethodSource("units")
	void imagesArePulledAsTheConfigAllows(String name, NodeRole role, UnitLines unit) {
		List<String> pulls = unit.execLines().stream().filter(l -> l.contains(" images pull")).toList();
		switch (role) {
			case BOOTSTRAP ->
				assertThat(pulls).singleElement().asString().contains("images pull --config /etc/kubeadm");
			case CONTROL_PLANE -> assertThat(pulls).singleElement()
				.asString()
				.matches(".*images pull --kubernetes-version v\\d+\\.\\d+\\.\\d+");
			case WORKER -> assertThat(pulls).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0}: control planes install the ssh user's kubeconfig, workers do not")
	@MethodSource("units")
	void controlPlanesInstallTheSshUsersKubeconfig(String name, NodeRole role, UnitLines unit) {
		List<String> post = unit.values("ExecStartPost");
		if (role == NodeRole.WORKER) {
			assertThat(post).isEmpty();
			return;
		}
		assertThat(post).singleElement().asString().startsWith("-");
		String script = UnitLines.argv(unit.execLine("ExecStartPost")).get(2);
		assertThat(script).contains("getent passwd 'core'")
			.contains("install -d -m 0700 -o 'core'")
			.contains("install -m 0600 -o 'core' -g \"$group\" /etc/kubernetes/admin.conf \"$home/.kube/config\"")
			.doesNotContain("mkdir")
			.doesNotContain("cp ");
	}

	@ParameterizedTest(name = "{0}: [Install] WantedBy=multi-user.target")
	@MethodSource("units")
	void everyUnitIsWantedByMultiUserTarget(String name, NodeRole role, UnitLines unit) {
		assertThat(unit.text()).contains("\n[Install]\nWantedBy=multi-user.target\n");
		assertThat(unit.values("ConditionPathExists")).containsExactly("!/etc/kubernetes/kubelet.conf");
		assertThat(unit.values("Requires")).singleElement().asString().contains("containerd.service");
		assertThat(unit.values("Environment")).singleElement().asString().startsWith("PATH=/opt/bin:");
		for (String line : unit.execLines()) {
			assertThat(UnitLines.argv(line).get(0)).as(line).startsWith("/");
		}
	}

	@ParameterizedTest(name = "{0}: every bash script is valid bash")
	@MethodSource("units")
	void everyBashScriptParses(String name, NodeRole role, UnitLines unit) throws Exception {
		for (String line : unit.execLines()) {
			List<String> argv = UnitLines.argv(line);
			if (argv.get(0).equals("/bin/bash")) {
				Process check = new ProcessBuilder("/bin/bash", "-n", "-c", argv.get(2)).redirectErrorStream(true)
					.start();
				String output = new String(check.getInputStream().readAllBytes());
				assertThat(check.waitFor()).as(line + "\n" + output).isZero();
			}
		}
	}

	@ParameterizedTest(name = "{0}: a joining control plane copies the shared keys into place before each attempt")
	@MethodSource("units")
	void aJoiningControlPlaneRestoresTheSharedKeysFirst(String name, NodeRole role, UnitLines unit) {
		List<String> restores = unit.execLines().stream().filter(l -> l.contains("/etc/stoker/pki/")).toList();
		if (role != NodeRole.CONTROL_PLANE) {
			assertThat(restores).isEmpty();
			return;
		}
		assertThat(restores).singleElement().asString().startsWith("ExecStartPre=/bin/bash");
		assertThat(UnitLines.argv(restores.get(0)).get(2))
			.isEqualTo("mkdir -p /etc/kubernetes/pki/ && cp -Rp /etc/stoker/pki/. /etc/kubernetes/pki/");
		assertThat(unit.execLines().indexOf(restores.get(0))).as("before the join")
			.isLessThan(unit.execLines().indexOf(unit.execLine(" join ")));
	}

	/**
	 * A cluster stored before the control-plane PKI keeps today's unit: init uploads the
	 * certificates, control planes download them and restore nothing.
	 */
	@Test
	void aClusterThatUploadsCertificatesKeepsItsUnits() throws Exception {
		ValidCluster cluster = example("aws-dual-stack.yaml");
		ValidGroup bootstrap = group(cluster, "bootstrap");
		ValidGroup controlPlane = group(cluster, "control-plane");
		UnitLines init = new UnitLines(UnitWriter
			.write(KubeadmUnit.of(cluster, bootstrap.role(), AddressSource.forGroup(cluster, bootstrap), true)));
		UnitLines join = new UnitLines(UnitWriter
			.write(KubeadmUnit.of(cluster, controlPlane.role(), AddressSource.forGroup(cluster, controlPlane), true)));
		assertThat(UnitLines.argv(init.execLine(" init ")).get(2))
			.startsWith("/usr/bin/kubeadm init --upload-certs --config /etc/kubeadm-final.yml || {");
		assertThat(join.text()).doesNotContain("/etc/stoker/pki");
	}

	@Test
	void aStaticNodeDependsOnNoMetadataService() throws Exception {
		for (String node : List.of("cp-1", "cp-2", "worker-1")) {
			assertThat(staticUnit(node).text()).as(node)
				.doesNotContain("coreos-metadata")
				.doesNotContain("/run/metadata")
				.doesNotContain("EnvironmentFile")
				.doesNotContain("envsubst");
		}
		assertThat(groupUnit("aws-dual-stack.yaml", "workers").values("Requires"))
			.containsExactly("containerd.service coreos-metadata.service");
		assertThat(groupUnit("aws-dual-stack.yaml", "workers").values("EnvironmentFile"))
			.containsExactly("/run/metadata/flatcar");
	}

	@Test
	void kubeadmComesFromWhereTheInstallMethodPutsIt() throws Exception {
		assertThat(UnitLines.argv(groupUnit("aws-dual-stack.yaml", "workers").execLine("ExecStart=")))
			.startsWith("/usr/bin/kubeadm");
		assertThat(UnitLines.argv(groupUnit("azure-ipv4.yaml", "workers").execLine("ExecStart=")))
			.startsWith("/opt/bin/kubeadm");
	}

}

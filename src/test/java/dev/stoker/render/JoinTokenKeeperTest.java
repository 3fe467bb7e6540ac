package dev.stoker.render;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.stoker.Golden;
import dev.stoker.butane.ButaneConfig;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.ValidCluster;
import dev.stoker.flatcar.NodePaths;
import dev.stoker.systemd.EnvironmentFile;
import dev.stoker.systemd.UnitWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keeper's units and files as a host reads them back: golden units, the Exec line as
 * systemd splits it, the EnvironmentFile's values, and which documents carry it at all.
 */
class JoinTokenKeeperTest {

	@Test
	void theUnitsMatchTheirGoldenFiles() throws Exception {
		Golden.assertMatches(UnitWriter.write(JoinTokenKeeper.service()), "units/keeper/" + JoinTokenKeeper.SERVICE);
		Golden.assertMatches(UnitWriter.write(JoinTokenKeeper.timer()), "units/keeper/" + JoinTokenKeeper.TIMER);
	}

	@Test
	void theServiceRunsTheScriptAfterKubeadmAndRetriesAllButARefusedCredential() {
		UnitLines unit = new UnitLines(UnitWriter.write(JoinTokenKeeper.service()));
		assertThat(UnitLines.argv(unit.execLine("ExecStart"))).containsExactly(NodePaths.KEEPER_SCRIPT);
		assertThat(unit.values("Type")).containsExactly("oneshot");
		assertThat(unit.values("After")).singleElement().asString().contains(KubeadmUnit.NAME);
		assertThat(unit.values("ConditionPathExists")).containsExactly(NodePaths.ADMIN_KUBECONFIG);
		assertThat(unit.values("EnvironmentFile")).containsExactly(NodePaths.KEEPER_ENVIRONMENT);
		assertThat(unit.values("Restart")).containsExactly("on-failure");
		assertThat(unit.values("RestartPreventExitStatus")).containsExactly("" + JoinTokenKeeper.CREDENTIAL_REFUSED);
		assertThat(unit.values("StartLimitIntervalSec")).containsExactly("0");
		UnitLines timer = new UnitLines(UnitWriter.write(JoinTokenKeeper.timer()));
		assertThat(timer.values("OnUnitActiveSec")).containsExactly("600s");
		assertThat(timer.values("RandomizedDelaySec")).containsExactly("120s");
	}

	@ParameterizedTest(name = "{0}: the EnvironmentFile names that install's kubeadm and kubectl")
	@ValueSource(strings = { "aws-dual-stack.yaml", "azure-ipv4.yaml", "metal-ipv6-first.yaml" })
	void theEnvironmentFileReadsBackToItsValues(String example) throws Exception {
		ValidCluster cluster = RenderExamples.example(example);
		Map<String, String> variables = KeeperHost
			.environmentFile(JoinTokenKeeper.environment(cluster, ExampleNodes.keeper(cluster)));
		assertThat(variables)
			.containsEntry("STOKER_JOIN_TOKENS_URL",
					"https://stoker.example.com/api/v1/clusters/" + cluster.name() + "/join-tokens")
			.containsEntry("STOKER_CREDENTIAL_FILE", NodePaths.KEEPER_CREDENTIAL)
			.containsEntry("KEEPER_KUBECONFIG", "/etc/kubernetes/admin.conf")
			.containsEntry("KEEPER_MIN_AHEAD_SECONDS", "82800")
			.containsEntry("KEEPER_EXTEND_SECONDS", "86400")
			.containsEntry("KEEPER_DESCRIPTION", JoinTokenKeeper.DESCRIPTION)
			.doesNotContainValue(ExampleNodes.KEEPER_CREDENTIAL);
		String bin = switch (cluster.install()) {
			case SYSEXT -> "/usr/bin/";
			case BINARIES -> "/opt/bin/";
		};
		assertThat(variables).containsEntry("KUBEADM", bin + "kubeadm").containsEntry("KUBECTL", bin + "kubectl");
	}

	@Test
	void onlyControlPlanesCarryTheKeeperAndOnlyInFilesRootAloneReads() throws Exception {
		for (ExampleNodes.Node node : ExampleNodes.of("aws-dual-stack.yaml")) {
			ButaneConfig butane = node.butane();
			List<String> paths = butane.storage().files().stream().map(ButaneConfig.File::path).toList();
			List<String> units = butane.systemd().units().stream().map(ButaneConfig.Unit::name).toList();
			if (node.role() == NodeRole.WORKER) {
				// a worker's only credential beyond its user data is the one it reports
				// with
				assertThat(paths).filteredOn((path) -> path.startsWith(NodePaths.STOKER_DIR))
					.containsExactlyInAnyOrder(NodePaths.REPORT_ENVIRONMENT, NodePaths.REPORT_CREDENTIAL,
							NodePaths.SERVED);
				assertThat(paths).doesNotContain(NodePaths.KEEPER_SCRIPT);
				assertThat(units).doesNotContain(JoinTokenKeeper.SERVICE, JoinTokenKeeper.TIMER);
				continue;
			}
			assertThat(units).contains(JoinTokenKeeper.SERVICE, JoinTokenKeeper.TIMER);
			for (ButaneConfig.File file : butane.storage().files()) {
				if (file.path().equals(NodePaths.KEEPER_CREDENTIAL)
						|| file.path().equals(NodePaths.KEEPER_ENVIRONMENT)) {
					assertThat(file.mode()).as(file.path()).isEqualTo(0600);
				}
			}
			assertThat(paths).contains(NodePaths.KEEPER_CREDENTIAL, NodePaths.KEEPER_ENVIRONMENT,
					NodePaths.KEEPER_SCRIPT);
		}
	}

	@Test
	void aValueSystemdWouldReadOtherwiseIsRefused() {
		for (String value : List.of("a\"b", "a\\b", "$HOME", "`id`", "a\nb")) {
			org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
				.isThrownBy(() -> EnvironmentFile.quoted(Map.of("NAME", value)).write());
		}
	}

}

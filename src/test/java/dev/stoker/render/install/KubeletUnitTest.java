package dev.stoker.render.install;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.stoker.systemd.SystemdCommandLine;
import dev.stoker.systemd.UnitWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The kubelet unit and its kubeadm drop-in, read back as systemd reads them. */
class KubeletUnitTest {

	private static final Map<String, String> KUBEADM_ENVIRONMENT = Map.of("KUBELET_KUBECONFIG_ARGS",
			"--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf",
			"KUBELET_CONFIG_ARGS", "--config=/var/lib/kubelet/config.yaml", "KUBELET_KUBEADM_ARGS",
			"--container-runtime-endpoint=unix:///run/containerd/containerd.sock --node-ip=10.0.0.5,fd00::5",
			"KUBELET_EXTRA_ARGS", "");

	@Test
	void theServiceRunsTheKubeletFromOptBinAlwaysRestartedAndIsWantedByMultiUser() {
		List<String> lines = UnitWriter.write(KubeletUnit.service()).lines().toList();
		assertThat(values(lines, "ExecStart")).singleElement()
			.satisfies(line -> assertThat(SystemdCommandLine.parse(line)).containsExactly("/opt/bin/kubelet"));
		assertThat(values(lines, "Restart")).containsExactly("always");
		assertThat(values(lines, "StartLimitIntervalSec")).containsExactly("0");
		assertThat(values(lines, "WantedBy")).containsExactly("multi-user.target");
		assertThat(lines).containsSubsequence("[Unit]", "[Service]", "[Install]");
	}

	@Test
	void theDropinReplacesTheCommandWithTheKubeletAndKubeadmsArguments() {
		List<String> lines = UnitWriter.write(KubeletUnit.kubeadmDropin()).lines().toList();
		List<String> execStarts = values(lines, "ExecStart");
		assertThat(execStarts).as("an empty ExecStart= first, to drop the unit's own").hasSize(2).first().isEqualTo("");
		assertThat(SystemdCommandLine.parse(execStarts.get(1), KUBEADM_ENVIRONMENT)).containsExactly("/opt/bin/kubelet",
				"--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf",
				"--kubeconfig=/etc/kubernetes/kubelet.conf", "--config=/var/lib/kubelet/config.yaml",
				"--container-runtime-endpoint=unix:///run/containerd/containerd.sock", "--node-ip=10.0.0.5,fd00::5");
	}

	@Test
	void theDropinReadsKubeadmsFlagsAndTheOperatorsOverridesWhenTheyExist() {
		List<String> lines = UnitWriter.write(KubeletUnit.kubeadmDropin()).lines().toList();
		assertThat(values(lines, "EnvironmentFile")).containsExactly("-/var/lib/kubelet/kubeadm-flags.env",
				"-/etc/default/kubelet");
		assertThat(values(lines, "Environment")).containsExactly(
				"\"KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf\"",
				"\"KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml\"");
	}

	private static List<String> values(List<String> lines, String key) {
		return lines.stream()
			.filter(line -> line.startsWith(key + "="))
			.map(line -> line.substring(key.length() + 1))
			.toList();
	}

}

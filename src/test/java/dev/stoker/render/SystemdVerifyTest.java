package dev.stoker.render;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.flatcar.NodePaths;
import dev.stoker.secrets.SeededSecrets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The units of a document that finds its addresses on the interfaces, checked by the real
 * {@code systemd-analyze verify}: unknown or misspelt settings, bad values and programs
 * that are not executable are errors there. The programs the node gets (kubeadm, the
 * node-addresses script) are not on the test machine, so their paths are moved to
 * executables that are.
 */
class SystemdVerifyTest {

	@ParameterizedTest(name = "{0}: node-addresses.service and kubeadm.service pass systemd-analyze verify")
	@ValueSource(strings = { "azure-dual-stack.yaml", "metal-dual-stack.yaml" })
	void theUnitsPassSystemdAnalyzeVerify(String example, @TempDir Path dir) throws Exception {
		ValidCluster cluster = RenderExamples.example(example);
		for (ValidGroup group : cluster.groups()) {
			ButaneConfig butane = NodeButane.forGroup(cluster, group,
					SeededSecrets.of(cluster.name(), Clock.systemUTC()), null, null);
			Path script = dir.resolve("node-addresses");
			Path kubeadm = dir.resolve("kubeadm");
			for (Path program : new Path[] { script, kubeadm }) {
				HostSimulation.executable(program, "#!/bin/bash\n");
			}
			Path units = Files.createDirectories(dir.resolve(group.name()));
			for (ButaneConfig.Unit unit : butane.systemd().units()) {
				if (unit.name().equals(KubeadmUnit.NAME) || unit.name().equals(NodeAddressesUnit.NAME)) {
					Files.writeString(units.resolve(unit.name()),
							unit.contents()
								.replace(NodePaths.NODE_ADDRESSES_SCRIPT, script.toString())
								.replace("/usr/bin/kubeadm ", kubeadm + " "));
				}
			}
			assertThat(units.resolve(NodeAddressesUnit.NAME)).exists();
			// Flatcar's own units that kubeadm.service requires, as stand-ins
			for (String shipped : new String[] { "containerd.service", "coreos-metadata.service" }) {
				Files.writeString(units.resolve(shipped), "[Service]\nType=oneshot\nExecStart=/bin/true\n");
			}
			Process verify = new ProcessBuilder("systemd-analyze", "verify",
					units.resolve(NodeAddressesUnit.NAME).toString(), units.resolve(KubeadmUnit.NAME).toString())
				.redirectErrorStream(true)
				.start();
			verify.getOutputStream().close();
			assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
			String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(verify.exitValue()).as(output).isZero();
			assertThat(output).as("warnings about the units")
				.doesNotContain(NodeAddressesUnit.NAME + ":")
				.doesNotContain(KubeadmUnit.NAME + ":");
		}
	}

}

package dev.stoker.systemd;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UnitWriterTest {

	@Example
	void writesSectionsAndDirectivesInOrder() {
		UnitFile unit = UnitFile.builder()
			.section("Unit")
			.set("Description", "Bootstrap with kubeadm")
			.set("ConditionPathExists", "!/etc/kubernetes/kubelet.conf")
			.section("Service")
			.exec("ExecStart", Command.of("/opt/bin/kubeadm", "join", "--config", "/etc/kubeadm-final.yml"))
			.section("Install")
			.set("WantedBy", "multi-user.target")
			.build();
		assertThat(UnitWriter.write(unit)).isEqualTo("""
				[Unit]
				Description=Bootstrap with kubeadm
				ConditionPathExists=!/etc/kubernetes/kubelet.conf

				[Service]
				ExecStart=/opt/bin/kubeadm join --config /etc/kubeadm-final.yml

				[Install]
				WantedBy=multi-user.target
				""");
	}

	/** The line design.md gives for AWS, byte for byte. */
	@Example
	void theEnvsubstLineKeepsItsShellFormatAwayFromSystemdAndFromBash() {
		String script = "umask 077 && envsubst '${COREOS_EC2_IPV4_LOCAL} ${COREOS_EC2_IPV6}' < /etc/kubeadm.yml > /etc/kubeadm-final.yml";
		UnitFile unit = UnitFile.builder().section("Service").exec("ExecStartPre", Command.bash(script)).build();
		String line = UnitWriter.write(unit).lines().skip(1).findFirst().orElseThrow();
		assertThat(line).isEqualTo(
				"ExecStartPre=/bin/bash -c \"umask 077 && envsubst '$${COREOS_EC2_IPV4_LOCAL} $${COREOS_EC2_IPV6}' < /etc/kubeadm.yml > /etc/kubeadm-final.yml\"");
		assertThat(SystemdCommandLine.parse(line.substring("ExecStartPre=".length()))).containsExactly("/bin/bash",
				"-c", script);
	}

	@Example
	void percentIsEscapedInEverySetting() {
		UnitFile unit = UnitFile.builder().section("Unit").set("Description", "100% %n").build();
		assertThat(UnitWriter.write(unit)).contains("Description=100%% %%n\n");
	}

	@Example
	void anIgnoredFailureGetsTheDashPrefix() {
		UnitFile unit = UnitFile.builder()
			.section("Service")
			.exec("ExecStopPost", Command.of("/opt/bin/kubeadm", "reset", "-f").ignoringFailure())
			.build();
		assertThat(UnitWriter.write(unit)).contains("ExecStopPost=-/opt/bin/kubeadm reset -f\n");
	}

	/**
	 * kubeadm's kubelet drop-in takes its flags from variables kubeadm writes at boot.
	 */
	@Example
	void variablesAreWordsOfTheirOwnThatSystemdSplits() {
		Command kubelet = Command.of("/opt/bin/kubelet").withVariables("KUBELET_CONFIG_ARGS", "KUBELET_EXTRA_ARGS");
		String line = UnitWriter.write(UnitFile.builder().section("Service").exec("ExecStart", kubelet).build())
			.lines()
			.skip(1)
			.findFirst()
			.orElseThrow();
		assertThat(line).isEqualTo("ExecStart=/opt/bin/kubelet $KUBELET_CONFIG_ARGS $KUBELET_EXTRA_ARGS");
		assertThat(
				SystemdCommandLine.parse(line.substring("ExecStart=".length()),
						Map.of("KUBELET_CONFIG_ARGS", "--config=/var/lib/kubelet/config.yaml  --v=2",
								"KUBELET_EXTRA_ARGS", "")))
			.containsExactly("/opt/bin/kubelet", "--config=/var/lib/kubelet/config.yaml", "--v=2");
	}

	@Example
	void aVariableIsANameNeverText() {
		assertThatIllegalArgumentException().isThrownBy(() -> Command.of("/opt/bin/kubelet").withVariables("A B"));
		assertThatIllegalArgumentException().isThrownBy(() -> Command.of("/opt/bin/kubelet").withVariables("A}"));
		assertThatIllegalArgumentException().isThrownBy(() -> Command.of("/opt/bin/kubelet").withVariables(""));
	}

	@Example
	void aLineBreakOrABadKeyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> UnitWriter
			.write(UnitFile.builder().section("Unit").set("Description", "a\nExecStart=/x").build()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UnitWriter.write(UnitFile.builder().section("Unit").set("Desc ription", "a").build()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UnitWriter.write(UnitFile.builder().section("Unit]\n[Service").build()));
		assertThatIllegalArgumentException().isThrownBy(() -> Command.of("kubeadm", "init"));
	}

	/**
	 * Whatever the arguments, systemd hands the program exactly those arguments, on one
	 * line, and expands nothing.
	 */
	@Property(tries = 500)
	void everyArgumentReachesTheProgramUnchanged(@ForAll("arguments") List<String> arguments) {
		List<String> argv = new java.util.ArrayList<>(List.of("/bin/bash", "-c"));
		argv.addAll(arguments);
		String unit = UnitWriter
			.write(UnitFile.builder().section("Service").exec("ExecStart", new Command(false, argv)).build());
		List<String> lines = unit.lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(SystemdCommandLine.parse(lines.get(1).substring("ExecStart=".length()))).isEqualTo(argv);
	}

	@Property(tries = 300)
	void aSettingNeverAddsALineAndKeepsItsText(@ForAll("text") String value) {
		String unit = UnitWriter.write(UnitFile.builder().section("Unit").set("Description", value).build());
		List<String> lines = unit.lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1).substring("Description=".length()).replace("%%", "%")).isEqualTo(value);
	}

	@Provide
	Arbitrary<List<String>> arguments() {
		return text().list().ofMaxSize(4);
	}

	@Provide
	Arbitrary<String> text() {
		Arbitrary<String> hostile = Arbitraries.of("", " ", "$", "$$", "${A}", "$A", "%", "%n", "%%", "\"", "'", "\\",
				"\\\"", ";", "a b", "'$${X}'", "`id`", "$(id)", "#", "=", "-", "!", "@");
		Arbitrary<String> random = Arbitraries.strings()
			.withCharRange(' ', '~')
			.withCharRange('\u00a0', '\u00ff')
			.ofMaxLength(16);
		return Arbitraries.oneOf(hostile, random,
				net.jqwik.api.Combinators.combine(hostile, random, hostile).as((a, b, c) -> a + b + c));
	}

}

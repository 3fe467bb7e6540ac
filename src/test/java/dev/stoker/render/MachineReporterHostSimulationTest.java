package dev.stoker.render;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stoker.definition.ValidCluster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The machine reporter's script as a node runs it: the real bash and curl against a
 * stand-in Stoker on a local port, with stub {@code kubectl}, {@code journalctl},
 * {@code systemd-run} and {@code sleep} that record their arguments (sleep returns at
 * once, so the backoff is read rather than waited for). The environment is the document's
 * EnvironmentFile, with only file paths moved into a temporary directory.
 */
class MachineReporterHostSimulationTest {

	static final String MACHINE = "4c4c4544003510358052b4c04f4b3332";

	@TempDir
	Path dir;

	private HttpServer stoker;

	private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

	private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

	private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

	private volatile String retryAfter;

	private Map<String, String> environment;

	@BeforeEach
	void host() throws Exception {
		stoker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		stoker.createContext("/", this::answer);
		stoker.start();
		ValidCluster cluster = RenderExamples.example("aws-dual-stack.yaml");
		URI url = URI.create("http://127.0.0.1:" + stoker.getAddress().getPort() + "/api/v1/clusters/" + cluster.name()
				+ "/machines/reports");
		Path bin = Files.createDirectories(dir.resolve("bin"));
		HostSimulation.executable(bin.resolve("kubectl"), KUBECTL);
		HostSimulation.executable(bin.resolve("journalctl"), JOURNALCTL);
		HostSimulation.executable(bin.resolve("systemd-run"), RECORD.replace("NAME", "systemd-run"));
		HostSimulation.executable(bin.resolve("sleep"), RECORD.replace("NAME", "sleep"));
		Files.writeString(dir.resolve("credential"), ExampleNodes.REPORT_CREDENTIAL);
		Files.writeString(dir.resolve("machine-id"), MACHINE + "\n");
		Files.writeString(dir.resolve("metadata"),
				"COREOS_EC2_IPV4_LOCAL=10.0.1.5\nCOREOS_EC2_INSTANCE_ID=i-0123456789abcdef0\n");
		Files.writeString(dir.resolve("calls"), "");
		environment = KeeperHost.environmentFile(
				MachineReporter.environment(cluster, new ReportAccess(url, ExampleNodes.REPORT_CREDENTIAL, null, 3)));
		environment.put("STOKER_CREDENTIAL_FILE", dir.resolve("credential").toString());
		environment.put("STOKER_MACHINE_ID_FILE", dir.resolve("machine-id").toString());
		environment.put("STOKER_METADATA_FILE", dir.resolve("metadata").toString());
		environment.put("STOKER_STATE_DIR", dir.resolve("state").toString());
		environment.put("STOKER_RUN_DIR", dir.resolve("run").toString());
		environment.put("KUBECTL", bin.resolve("kubectl").toString());
		environment.put("PATH", bin + ":" + KubeadmUnit.PATH);
		environment.put("CALLS", dir.resolve("calls").toString());
		environment.put("STUB", dir.toString());
		Files.writeString(dir.resolve("report"), MachineReporter.script());
	}

	@AfterEach
	void stop() {
		stoker.stop(0);
	}

	@Test
	void ignitionDoneIsReportedOnceWithTheMachineAndInstance() throws Exception {
		HostSimulation.Run run = run("ignition-done");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(bodies).containsExactly("{\"machineId\":\"" + MACHINE
				+ "\",\"revision\":3,\"phase\":\"ignition-done\",\"instanceId\":\"i-0123456789abcdef0\"}");
		assertThat(authorizations).containsExactly("Bearer " + ExampleNodes.REPORT_CREDENTIAL);
		assertThat(dir.resolve("state/ignition-done")).exists();
		assertThat(dev.stoker.systemd.UnitWriter.write(MachineReporter.boot()))
			.contains("ConditionPathExists=!/var/lib/stoker-report/ignition-done");
	}

	@Test
	void anUnreachableStokerIsTriedABoundedNumberOfTimesWithBackoff() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		environment.put("STOKER_REPORT_URL",
				"http://127.0.0.1:" + closed + "/api/v1/clusters/prod-use1/machines/reports");
		HostSimulation.Run run = run("kubeadm-started");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).contains("Gave up reporting kubeadm-started; the boot goes on without it");
		assertThat(calls()).containsExactly("sleep 5", "sleep 10", "sleep 20", "sleep 40", "sleep 80", "sleep 160",
				"sleep 300", "sleep 300", "sleep 300");
		assertThat(dir.resolve("state")).doesNotExist();
	}

	@Test
	void tooManyRequestsWaitsAsStokerSaysThenSucceeds() throws Exception {
		answers.add(429);
		retryAfter = "7";
		answers.add(503);
		HostSimulation.Run run = run("kubeadm-started");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(calls()).containsExactly("sleep 7", "sleep 14");
		assertThat(bodies).hasSize(3).allMatch((body) -> body.contains("\"phase\":\"kubeadm-started\""));
	}

	@Test
	void aRefusedCredentialIsNotSentAgain() throws Exception {
		answers.add(401);
		HostSimulation.Run run = run("ignition-done");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).contains("Stoker answered 401 to the ignition-done report: not sent again");
		assertThat(bodies).hasSize(1);
		assertThat(calls()).isEmpty();
	}

	@Test
	void joinedNamesTheNodeAndItsAddressesAsTheClusterRegisteredThem() throws Exception {
		// the Node has no address yet at the first look
		Files.writeString(dir.resolve("addresses"), "");
		Files.writeString(dir.resolve("addresses-later"),
				"InternalIP 10.0.1.5\nInternalIP 2600:1f18::5\nHostname \"quoted\"\nInternalDNS ip-10-0-1-5.ec2.internal\n");
		HostSimulation.Run run = run("joined");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(bodies).containsExactly("{\"machineId\":\"" + MACHINE
				+ "\",\"revision\":3,\"phase\":\"joined\",\"instanceId\":\"i-0123456789abcdef0\","
				+ "\"node\":\"ip-10-0-1-5.ec2.internal\",\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"10.0.1.5\"},"
				+ "{\"type\":\"InternalIP\",\"address\":\"2600:1f18::5\"},"
				+ "{\"type\":\"InternalDNS\",\"address\":\"ip-10-0-1-5.ec2.internal\"}]}");
		assertThat(calls()).contains("sleep 5",
				"kubectl --kubeconfig /etc/kubernetes/kubelet.conf --request-timeout 20s auth whoami -o jsonpath={.status.userInfo.username}",
				"kubectl --kubeconfig /etc/kubernetes/kubelet.conf --request-timeout 20s get node ip-10-0-1-5.ec2.internal -o jsonpath={range .status.addresses[*]}{.type} {.address}{\"\\n\"}{end}");
	}

	@Test
	void aFailedAttemptKeepsItsStatusAndJournalAndReportsThemBounded() throws Exception {
		environment.put("SERVICE_RESULT", "exit-code");
		environment.put("EXIT_STATUS", "1");
		HostSimulation.Run stopped = HostSimulation.bash(environment, Duration.ofSeconds(30),
				dir.resolve("report").toString(), "kubeadm-stopped", dir.resolve("run").toString(),
				"/etc/stoker/report.env");
		assertThat(stopped.exitCode()).as(stopped.output()).isZero();
		assertThat(calls()).containsExactly("journalctl -u kubeadm.service -n 50 -o cat --no-pager",
				"systemd-run --no-block --collect --unit=stoker-report-failed -p EnvironmentFile=/etc/stoker/report.env "
						+ dir.resolve("report") + " failed");
		Files.writeString(dir.resolve("calls"), "");
		environment.remove("SERVICE_RESULT");
		environment.remove("EXIT_STATUS");

		HostSimulation.Run run = run("failed");
		assertThat(run.exitCode()).as(run.output()).isZero();
		String journal = IntStream.rangeClosed(11, 60)
			.mapToObj((i) -> "kubeadm line " + i)
			.collect(Collectors.joining("\n", "", "\n"));
		assertThat(bodies).containsExactly("{\"machineId\":\"" + MACHINE
				+ "\",\"revision\":3,\"phase\":\"failed\",\"instanceId\":\"i-0123456789abcdef0\",\"exitStatus\":1,"
				+ "\"journal\":\"" + Base64.getEncoder().encodeToString(journal.getBytes(StandardCharsets.UTF_8))
				+ "\"}");
	}

	@Test
	void aSuccessfulOrSignalledStopIsToldRight() throws Exception {
		environment.put("SERVICE_RESULT", "success");
		HostSimulation.Run stopped = HostSimulation.bash(environment, Duration.ofSeconds(30),
				dir.resolve("report").toString(), "kubeadm-stopped", dir.resolve("run").toString(),
				"/etc/stoker/report.env");
		assertThat(stopped.exitCode()).isZero();
		assertThat(calls()).isEmpty();
		assertThat(dir.resolve("run")).doesNotExist();

		// a kubeadm killed by a signal has a signal name for a status
		Files.createDirectories(dir.resolve("run"));
		Files.writeString(dir.resolve("run/exit-status"), "TERM\n");
		environment.remove("SERVICE_RESULT");
		HostSimulation.Run run = run("failed");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(bodies).singleElement().asString().contains("\"exitStatus\":255").doesNotContain("journal");
	}

	@Test
	void aHostileInstanceIdIsLeftOut() throws Exception {
		Files.writeString(dir.resolve("metadata"), "COREOS_EC2_INSTANCE_ID=i-0\",\"phase\":\"joined\n");
		HostSimulation.Run run = run("ignition-done");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(bodies)
			.containsExactly("{\"machineId\":\"" + MACHINE + "\",\"revision\":3,\"phase\":\"ignition-done\"}");
	}

	private HostSimulation.Run run(String phase) throws IOException, InterruptedException {
		return HostSimulation.bash(environment, Duration.ofSeconds(60), dir.resolve("report").toString(), phase);
	}

	private List<String> calls() throws IOException {
		return Files.readAllLines(dir.resolve("calls"));
	}

	private void answer(HttpExchange exchange) throws IOException {
		authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
		bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		Integer next = answers.poll();
		int code = (next != null) ? next : 204;
		if (code == 429 && retryAfter != null) {
			exchange.getResponseHeaders().set("Retry-After", retryAfter);
		}
		exchange.sendResponseHeaders(code, -1);
		exchange.close();
	}

	/** Records its arguments, one call a line, and succeeds. */
	private static final String RECORD = """
			#!/bin/bash
			echo "NAME $*" >> "$CALLS"
			""";

	private static final String JOURNALCTL = """
			#!/bin/bash
			echo "journalctl $*" >> "$CALLS"
			for i in $(seq 1 60); do echo "kubeadm line $i"; done
			""";

	/**
	 * auth whoami answers the kubelet's user; get node the addresses in $STUB/addresses,
	 * then those in addresses-later from the second call on.
	 */
	private static final String KUBECTL = """
			#!/bin/bash
			echo "kubectl $*" >> "$CALLS"
			case "$*" in
			*"auth whoami"*) echo -n "system:node:ip-10-0-1-5.ec2.internal" ;;
			*"get node"*)
				if [ -e "$STUB/looked" ] && [ -e "$STUB/addresses-later" ]; then cat "$STUB/addresses-later"
				else touch "$STUB/looked"; cat "$STUB/addresses" 2>/dev/null; fi ;;
			*) exit 3 ;;
			esac
			""";

}

package dev.stoker.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Unit;
import dev.stoker.definition.ValidCluster;
import dev.stoker.flatcar.NodePaths;
import dev.stoker.platform.Platform;
import dev.stoker.render.install.InstallMethod;
import dev.stoker.systemd.Command;
import dev.stoker.systemd.EnvironmentFile;
import dev.stoker.systemd.UnitFile;
import dev.stoker.systemd.UnitWriter;

/**
 * The units that tell Stoker how far a machine got: a static script (a resource next to
 * this class) with its parameters in an EnvironmentFile. {@link #BOOT} reports
 * ignition-done once per machine; kubeadm.service starts the unit of each other phase
 * with {@code systemctl start --no-block} when an attempt starts, succeeds or fails.
 *
 * <p>
 * Nothing waits for them. They are Type=simple: a unit is started as soon as its process
 * is (systemd.service(5)), so multi-user.target, which orders itself after the units it
 * wants (systemd.target(5)), does not wait for a report; nothing Requires= them or is
 * ordered after them; kubeadm.service only queues their start. The script retries with
 * backoff a bounded number of times and then gives up.
 */
final class MachineReporter {

	static final String BOOT = "stoker-report-boot.service";

	static final String KUBEADM_STARTED = "kubeadm-started";

	static final String JOINED = "joined";

	static final String FAILED = "failed";

	/** Tries at 5 s, then doubling to 5 min: about 20 minutes in all. */
	static final int ATTEMPTS = 10;

	static final int JOURNAL_LINES = 50;

	static final int JOURNAL_BYTES = 16 * 1024;

	private static final String SCRIPT = NodeFiles.script("machine-report.sh");

	private MachineReporter() {
	}

	/**
	 * The script, its EnvironmentFile and the credential (Stoker's CA is the caller's).
	 */
	static List<File> files(ValidCluster cluster, ReportAccess access) {
		List<File> files = new ArrayList<>();
		files.add(NodeFiles.file(NodePaths.REPORT_SCRIPT, SCRIPT, NodeFiles.EXECUTABLE));
		files.add(NodeFiles.file(NodePaths.REPORT_ENVIRONMENT, environment(cluster, access), NodeFiles.PUBLIC));
		files.add(NodeFiles.file(NodePaths.REPORT_CREDENTIAL, access.credential(), NodeFiles.SECRET));
		return List.copyOf(files);
	}

	static List<Unit> units() {
		List<Unit> units = new ArrayList<>();
		units.add(new Unit(BOOT, true, null, UnitWriter.write(boot()), null));
		for (String phase : List.of(KUBEADM_STARTED, JOINED, FAILED)) {
			units.add(new Unit(unit(phase), null, null, UnitWriter.write(phase(phase)), null));
		}
		return List.copyOf(units);
	}

	/**
	 * What the script reads. The credential stays in a file of its own, in no process's
	 * environment. The instance id is Afterburn's on AWS only: the other platforms'
	 * attributes that Flatcar writes name no instance (Afterburn's attribute list), and
	 * the machine id is the key either way.
	 */
	static String environment(ValidCluster cluster, ReportAccess access) {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("STOKER_REPORT_URL", access.reports().toASCIIString());
		variables.put("STOKER_CREDENTIAL_FILE", NodePaths.REPORT_CREDENTIAL);
		variables.put("STOKER_CA_FILE", (access.caBundle() != null) ? NodePaths.STOKER_CA_BUNDLE : "");
		variables.put("STOKER_REVISION", Long.toString(access.revision()));
		variables.put("STOKER_MACHINE_ID_FILE", NodePaths.MACHINE_ID);
		variables.put("STOKER_INSTANCE_ID_VARIABLE", (cluster.platform() == Platform.AWS) ? INSTANCE_ID_AWS : "");
		variables.put("STOKER_METADATA_FILE", NodePaths.AFTERBURN_METADATA);
		variables.put("STOKER_STATE_DIR", NodePaths.REPORT_STATE_DIR);
		variables.put("STOKER_RUN_DIR", NodePaths.REPORT_RUN_DIR);
		variables.put("STOKER_REPORT_ATTEMPTS", Integer.toString(ATTEMPTS));
		variables.put("STOKER_JOURNAL_LINES", Integer.toString(JOURNAL_LINES));
		variables.put("STOKER_JOURNAL_BYTES", Integer.toString(JOURNAL_BYTES));
		variables.put("KUBECTL", InstallMethod.kubectl(cluster.install()));
		variables.put("KUBELET_KUBECONFIG", NodePaths.KUBELET_KUBECONFIG);
		return EnvironmentFile.quoted(variables).write();
	}

	/**
	 * Afterburn's AFTERBURN_AWS_INSTANCE_ID under Flatcar's names (see {@link Platform}).
	 */
	static final String INSTANCE_ID_AWS = "COREOS_EC2_INSTANCE_ID";

	/**
	 * Once per machine: the script marks the report done under
	 * {@link NodePaths#REPORT_STATE_DIR}, and the condition skips the unit at later
	 * boots.
	 */
	static UnitFile boot() {
		return UnitFile.builder()
			.section("Unit")
			.set("Description", "Tell Stoker this machine booted from its Ignition")
			.set("Wants", "network-online.target")
			.set("After", "network-online.target")
			.set("ConditionPathExists", "!" + NodePaths.REPORT_STATE_DIR + "/ignition-done")
			.section("Service")
			.set("Type", "simple")
			.set("EnvironmentFile", NodePaths.REPORT_ENVIRONMENT)
			.exec("ExecStart", Command.of(NodePaths.REPORT_SCRIPT, "ignition-done"))
			.section("Install")
			.set("WantedBy", "multi-user.target")
			.build();
	}

	/**
	 * Started by kubeadm.service only, so not enabled. One unit per phase rather than a
	 * template: no % specifier is ever written into a unit (UnitWriter escapes them all).
	 */
	static UnitFile phase(String phase) {
		return UnitFile.builder()
			.section("Unit")
			.set("Description", "Tell Stoker this machine's kubeadm phase: " + phase)
			.set("Wants", "network-online.target")
			.set("After", "network-online.target")
			.section("Service")
			.set("Type", "simple")
			.set("EnvironmentFile", NodePaths.REPORT_ENVIRONMENT)
			.set("Environment", "PATH=" + KubeadmUnit.PATH)
			.exec("ExecStart", Command.of(NodePaths.REPORT_SCRIPT, phase))
			.build();
	}

	/**
	 * What kubeadm.service runs: each only queues a report, and may fail without effect.
	 */
	static Command started() {
		return queue(KUBEADM_STARTED);
	}

	static Command joined() {
		return queue(JOINED);
	}

	/**
	 * Keeps a failed attempt's status and journal, then queues the failed report (the
	 * script names {@link #FAILED}'s unit).
	 */
	static Command stopped() {
		return Command.of(NodePaths.REPORT_SCRIPT, "kubeadm-stopped", NodePaths.REPORT_RUN_DIR).ignoringFailure();
	}

	static String unit(String phase) {
		return "stoker-report-" + phase + ".service";
	}

	private static Command queue(String phase) {
		return Command.of("/usr/bin/systemctl", "start", "--no-block", unit(phase)).ignoringFailure();
	}

	static String script() {
		return SCRIPT;
	}

}

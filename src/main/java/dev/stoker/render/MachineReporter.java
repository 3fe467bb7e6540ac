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
 * ignition-done once per machine; kubeadm.service queues a transient unit for each other
 * phase ({@code systemd-run --no-block}) when an attempt starts, succeeds or fails.
 *
 * <p>
 * Nothing waits for them. They are Type=simple (transient units are, systemd-run(1)): a
 * unit is started as soon as its process is (systemd.service(5)), so multi-user.target,
 * which orders itself after the units it wants (systemd.target(5)), does not wait for a
 * report; nothing Requires= them or is ordered after them; kubeadm.service only queues
 * them. The script retries with backoff a bounded number of times and then gives up.
 */
final class MachineReporter {

	static final String BOOT = "stoker-report-boot.service";

	static final String IGNITION_DONE = "ignition-done";

	static final String KUBEADM_STARTED = "kubeadm-started";

	static final String JOINED = "joined";

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
		return List.of(new Unit(BOOT, true, null, UnitWriter.write(boot()), null));
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
			.exec("ExecStart", Command.of(NodePaths.REPORT_SCRIPT, IGNITION_DONE))
			.section("Install")
			.set("WantedBy", "multi-user.target")
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
	 * Keeps a failed attempt's exit status and journal, then queues the failed report as
	 * {@link #queue} does.
	 */
	static Command stopped() {
		return Command
			.of(NodePaths.REPORT_SCRIPT, "kubeadm-stopped", NodePaths.REPORT_RUN_DIR, NodePaths.REPORT_ENVIRONMENT)
			.ignoringFailure();
	}

	/**
	 * A transient unit of its own (systemd-run(1)): --no-block queues it and returns,
	 * --collect unloads it when it ends, even failed, and its fixed name makes a second
	 * start of the same report while one runs fail, and be ignored, instead of sending
	 * twice.
	 */
	private static Command queue(String phase) {
		return Command
			.of("/usr/bin/systemd-run", "--no-block", "--collect", "--unit=stoker-report-" + phase,
					"--property=EnvironmentFile=" + NodePaths.REPORT_ENVIRONMENT, NodePaths.REPORT_SCRIPT, phase)
			.ignoringFailure();
	}

	static String script() {
		return SCRIPT;
	}

}

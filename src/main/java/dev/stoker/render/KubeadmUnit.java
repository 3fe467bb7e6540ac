package dev.stoker.render;

import java.util.List;
import java.util.stream.Collectors;

import dev.stoker.definition.NodeRole;
import dev.stoker.definition.ValidCluster;
import dev.stoker.flatcar.HostVariable;
import dev.stoker.flatcar.NodePaths;
import dev.stoker.render.install.InstallMethod;
import dev.stoker.systemd.Command;
import dev.stoker.systemd.UnitFile;

/**
 * kubeadm.service: at first boot, turns a Flatcar machine into the first control plane
 * ({@code kubeadm init}), another control plane or a worker ({@code kubeadm join}).
 *
 * <p>
 * Scripts and arguments are written here as bash and kubeadm should receive them; the
 * unit writer escapes {@code $} and {@code %} for systemd.
 *
 * <p>
 * Retry mechanics, per systemd.service(5) and systemd.unit(5) as shipped by Flatcar
 * (systemd 252 on LTS, newer elsewhere):
 * <ul>
 * <li>{@code Type=oneshot} runs the steps in order and counts the unit as started only
 * when {@code ExecStart=} has exited; {@code RemainAfterExit=yes} keeps it active after
 * success, so nothing runs it again in this boot.</li>
 * <li>{@code Restart=on-failure} is allowed for oneshot units (only always and on-success
 * are refused) and retries after {@code RestartSec=}: a failed step is tried again
 * without any {@code sleep} loop in a script.</li>
 * <li>Automatic restarts count against the start rate limit, which would otherwise stop
 * the retries for good; {@code StartLimitIntervalSec=0} turns it off, so only
 * {@code RestartPreventExitStatus=} ends them.</li>
 * <li>A oneshot unit has no start timeout unless given one. None is given: a timeout
 * would kill a running {@code kubeadm init}, which must never be retried blindly, and
 * kubeadm bounds its own waits (discovery, TLS bootstrap, control plane health).</li>
 * </ul>
 */
final class KubeadmUnit {

	static final String NAME = "kubeadm.service";

	static final String CONFIG = NodePaths.KUBEADM_CONFIG;

	static final String FINAL_CONFIG = NodePaths.KUBEADM_FINAL_CONFIG;

	static final String METADATA = NodePaths.AFTERBURN_METADATA;

	/**
	 * The exit status of a failed {@code kubeadm init}, which RestartPreventExitStatus=
	 * makes final. kubeadm's own statuses never reach systemd: the script maps any
	 * failure of init to this one.
	 */
	static final int INIT_FAILED = 100;

	/**
	 * systemd's default service PATH with /opt/bin in front: kubeadm looks up crictl,
	 * conntrack and friends on PATH, and the binaries install puts them in /opt/bin.
	 * Environment= expands nothing, so the whole list is spelled out.
	 */
	static final String PATH = NodePaths.OPT_BIN + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

	private static final String RESTART_SEC = "10s";

	private KubeadmUnit() {
	}

	/**
	 * The unit of a node with this role, reading its addresses from {@code source}: with
	 * host variables it waits for the units that write them (coreos-metadata.service,
	 * node-addresses.service) and substitutes them into {@link #FINAL_CONFIG}; a static
	 * node has nothing to substitute and gives kubeadm {@link #CONFIG} itself. With
	 * {@code uploadCerts} (a cluster stored before Stoker generated the control-plane
	 * PKI), init uploads the certificates other control planes download; without it, a
	 * control plane copies the shared keys its document wrote into kubeadm's directory
	 * before each attempt.
	 */
	static UnitFile of(ValidCluster cluster, NodeRole role, AddressSource source, boolean uploadCerts) {
		return of(cluster, role, source, uploadCerts, false);
	}

	/**
	 * With {@code reports}, each attempt also queues the machine's reports
	 * ({@link MachineReporter}): kubeadm-started first, joined after success, and after a
	 * failure (before the reset, whose output would push kubeadm's out of the journal
	 * lines kept) the failed one. Each only queues a unit and is allowed to fail.
	 */
	static UnitFile of(ValidCluster cluster, NodeRole role, AddressSource source, boolean uploadCerts,
			boolean reports) {
		List<HostVariable> variables = source.variables();
		variables.forEach((variable) -> Bash.variable(variable.name()));
		boolean substitutes = !variables.isEmpty();
		boolean afterburn = variables.stream().anyMatch((variable) -> !variable.isFromInterfaces());
		boolean interfaces = variables.stream().anyMatch(HostVariable::isFromInterfaces);
		String kubeadm = InstallMethod.kubeadm(cluster.install());
		String config = substitutes ? FINAL_CONFIG : CONFIG;

		UnitFile.Builder unit = UnitFile.builder().section("Unit").set("Description", description(role));
		// The platform's metadata only for nodes that read their addresses from it: a
		// static node must boot where no metadata service answers.
		String requires = afterburn ? "containerd.service " + HostVariable.AFTERBURN_UNIT : "containerd.service";
		// Wanted, not required: a failed attempt of node-addresses.service must not fail
		// this unit's start for good (Restart= does not retry a dependency failure); this
		// unit's own check below waits for the file instead.
		String wants = interfaces ? "network-online.target " + HostVariable.NODE_ADDRESSES_UNIT
				: "network-online.target";
		String after = interfaces ? requires + " " + HostVariable.NODE_ADDRESSES_UNIT : requires;
		unit.set("Requires", requires)
			.set("Wants", wants)
			.set("After", after + " network-online.target")
			// kubeadm writes kubelet.conf once init or join has got that far: a node that
			// has joined never runs this again, in this boot or a later one.
			.set("ConditionPathExists", "!" + NodePaths.KUBELET_KUBECONFIG)
			.set("StartLimitIntervalSec", "0");

		unit.section("Service")
			.set("Type", "oneshot")
			.set("RemainAfterExit", "yes")
			.set("Restart", "on-failure")
			.set("RestartSec", RESTART_SEC);
		if (role == NodeRole.BOOTSTRAP) {
			unit.set("RestartPreventExitStatus", Integer.toString(INIT_FAILED));
		}
		if (afterburn) {
			// Read again at every start, so a retry sees a file coreos-metadata.service
			// has rewritten in the meantime.
			unit.set("EnvironmentFile", METADATA);
		}
		if (interfaces) {
			// "-": a missing file is no error here, so the check below names the missing
			// variable and fails with a status that Restart=on-failure retries (a file
			// that cannot be loaded would end the unit with result "resources", which it
			// does not).
			unit.set("EnvironmentFile", "-" + NodePaths.NODE_ADDRESSES);
		}
		unit.set("Environment", "PATH=" + PATH);

		if (reports) {
			unit.exec("ExecStartPre", MachineReporter.started());
		}
		if (substitutes) {
			unit.exec("ExecStartPre", Command.bash(nonEmptyCheck(variables)));
			unit.exec("ExecStartPre", Command.bash(envsubst(variables.stream().map(HostVariable::name).toList())));
		}
		switch (role) {
			case BOOTSTRAP ->
				unit.exec("ExecStartPre", Command.of(kubeadm, "config", "images", "pull", "--config", config))
					.exec("ExecStart", Command.bash(initOrStop(kubeadm, config, uploadCerts)));
			// A join-only config makes images pull --config fail: name the version.
			case CONTROL_PLANE -> {
				if (!uploadCerts) {
					unit.exec("ExecStartPre", Command.bash(restoreSharedPki()));
				}
				unit.exec("ExecStartPre", imagesPull(cluster, kubeadm))
					.exec("ExecStart", Command.of(kubeadm, "join", "--config", config));
			}
			// A worker runs no control plane images; the kubelet pulls what it needs.
			case WORKER -> unit.exec("ExecStart", Command.of(kubeadm, "join", "--config", config));
		}
		if (role != NodeRole.WORKER) {
			// Ignored if it fails: a failure here would count as a failed attempt and
			// reset a node that has joined.
			unit.exec("ExecStartPost", Command.bash(installKubeconfig(cluster.ssh().user())).ignoringFailure());
		}
		if (reports) {
			unit.exec("ExecStartPost", MachineReporter.joined());
			unit.exec("ExecStopPost", MachineReporter.stopped());
		}
		if (role != NodeRole.BOOTSTRAP) {
			unit.exec("ExecStopPost", Command.bash(resetAfterFailure(kubeadm)).ignoringFailure());
		}

		unit.section("Install").set("WantedBy", "multi-user.target");
		return unit.build();
	}

	/**
	 * A join reads the cluster's image repository from the cluster, but this pull runs
	 * before it and knows only what it is told: without the repository it would pull from
	 * registry.k8s.io, which a cluster with a mirror may not reach.
	 */
	private static Command imagesPull(ValidCluster cluster, String kubeadm) {
		List<String> args = new java.util.ArrayList<>(List.of(kubeadm, "config", "images", "pull",
				"--kubernetes-version", cluster.kubernetesVersion().toString()));
		cluster.options().imageRepository().ifPresent((repository) -> {
			args.add("--image-repository");
			args.add(repository);
		});
		return Command.of(args.toArray(String[]::new));
	}

	private static String description(NodeRole role) {
		return switch (role) {
			case BOOTSTRAP -> "Create the cluster on its first control plane with kubeadm init";
			case CONTROL_PLANE -> "Join the cluster as a control plane with kubeadm join";
			case WORKER -> "Join the cluster as a worker with kubeadm join";
		};
	}

	/**
	 * envsubst would put an empty string where a variable is missing, and kubeadm would
	 * then fail far from the cause; this names the variable instead. The {@code <3>}
	 * prefix gives the journal entry error priority (SyslogLevelPrefix= is on by
	 * default).
	 */
	private static String nonEmptyCheck(List<HostVariable> variables) {
		return variables.stream()
			.map(variable -> "[ -n \"${" + variable.name() + ":-}\" ] || { echo "
					+ Bash.quote("<3>" + variable.name() + " is empty or missing in " + variable.file()
							+ ", and kubeadm needs it for the address of this node. " + whatToDo(variable))
					+ " >&2; exit 1; }")
			.collect(Collectors.joining("; "));
	}

	private static String whatToDo(HostVariable variable) {
		if (variable.writerRetries()) {
			return variable.writer() + " has not found it yet; its journal says what it saw (journalctl -u "
					+ variable.writer() + "). Both units retry on their own";
		}
		return "Check that the machine has that address on its platform, then run: systemctl restart "
				+ variable.writer() + " (this unit retries on its own)";
	}

	/**
	 * The explicit SHELL-FORMAT limits envsubst to exactly these variables, so any other
	 * {@code $} in the config stays as written; single quotes keep bash from expanding it
	 * first. bash is there for the redirections, which systemd does not do; umask 077
	 * creates the file with mode 0600, as it holds the cluster's secrets.
	 */
	private static String envsubst(List<String> variables) {
		String format = variables.stream().map(name -> "${" + name + "}").collect(Collectors.joining(" "));
		return "umask 077 && envsubst '" + format + "' < " + CONFIG + " > " + FINAL_CONFIG;
	}

	/**
	 * The first control plane never resets: kubeadm reset would delete the cluster CA
	 * that the document put under /etc/kubernetes/pki and that every join pins. So a
	 * failed init is final (the status is in RestartPreventExitStatus=) and the journal
	 * says what to do.
	 */
	private static String initOrStop(String kubeadm, String config, boolean uploadCerts) {
		return kubeadm + " init " + (uploadCerts ? "--upload-certs " : "") + "--config " + config + " || { echo "
				+ Bash.quote("<2>kubeadm init failed and this node will not retry it. Do not run kubeadm reset here:"
						+ " it deletes the cluster CA under /etc/kubernetes/pki that every joining node pins."
						+ " Fix the cause shown in the kubeadm output above, then boot a fresh machine"
						+ " from the bootstrap document.")
				+ " >&2; exit " + INIT_FAILED + "; }";
	}

	/**
	 * The document wrote the keys all control planes share under
	 * {@link NodePaths#SHARED_PKI_DIR}; kubeadm reads them from
	 * {@link NodePaths#PKI_DIR}, whose contents kubeadm reset deletes after a failed
	 * attempt (cmd/kubeadm/app/cmd/phases/reset: resetConfigDir cleans the certificate
	 * directory). So every attempt starts by copying them there again; cp -p keeps each
	 * file's mode (0600 for the keys).
	 */
	private static String restoreSharedPki() {
		return "mkdir -p " + NodePaths.PKI_DIR + " && cp -Rp " + NodePaths.SHARED_PKI_DIR + ". " + NodePaths.PKI_DIR;
	}

	/**
	 * Runs after every attempt, failed or not, and at shutdown; systemd passes the
	 * attempt's result in $SERVICE_RESULT. Only a failed join leaves state behind
	 * (kubelet.conf, static pods, an etcd member) that would make the next attempt fail,
	 * so only then is the node reset, before Restart= starts the next attempt.
	 */
	private static String resetAfterFailure(String kubeadm) {
		return "[ \"$SERVICE_RESULT\" = success ] || { echo \"<4>This attempt failed ($SERVICE_RESULT):"
				+ " resetting the node before the next one\"; " + kubeadm + " reset -f; }";
	}

	/**
	 * The ssh user's kubeconfig, copied from admin.conf (which init and a control-plane
	 * join write). install creates or overwrites with the given owner and mode, so a
	 * second run gives the same result.
	 */
	private static String installKubeconfig(String user) {
		String owner = Bash.quote(user);
		return "set -o pipefail && home=\"$(getent passwd " + owner + " | cut -d: -f6)\" && [ -n \"$home\" ]"
				+ " && group=\"$(id -g " + owner + ")\" && install -d -m 0700 -o " + owner
				+ " -g \"$group\" \"$home/.kube\" && install -m 0600 -o " + owner + " -g \"$group\" "
				+ NodePaths.ADMIN_KUBECONFIG + " \"$home/.kube/config\"";
	}

}

package dev.stoker.render;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Unit;
import dev.stoker.definition.ValidCluster;
import dev.stoker.flatcar.NodePaths;
import dev.stoker.render.install.InstallMethod;
import dev.stoker.secrets.KubeadmLifetimes;
import dev.stoker.systemd.Command;
import dev.stoker.systemd.EnvironmentFile;
import dev.stoker.systemd.UnitFile;
import dev.stoker.systemd.UnitWriter;

/**
 * The join-token keeper of every control plane: a static script (a resource next to this
 * class) that a oneshot service runs once kubeadm has finished on the node and a timer
 * runs again about every 10 minutes. It asks Stoker which bootstrap tokens the cluster
 * should accept and makes the cluster hold exactly those; its parameters are in an
 * EnvironmentFile, so nothing of the cluster is written into the script.
 *
 * <p>
 * It talks to the cluster with the node's own {@code /etc/kubernetes/admin.conf}, which
 * kubeadm writes on the first control plane and on every control plane that joins. Since
 * Kubernetes 1.29 that file's user is in the group {@code kubeadm:cluster-admins}, bound
 * to cluster-admin by a ClusterRoleBinding that init creates, and only the first control
 * plane gets the {@code system:masters} super-admin.conf as well (KEP-4214, "Separate
 * super-user kubeconfig for kubeadm"; kubernetes/kubeadm#2414): admin.conf is the one
 * file every control plane has, and cluster-admin may manage bootstrap-token Secrets.
 */
final class JoinTokenKeeper {

	static final String SERVICE = "stoker-join-token-keeper.service";

	static final String TIMER = "stoker-join-token-keeper.timer";

	/**
	 * The description the keeper gives the tokens it registers, and the mark by which it
	 * knows them again: only tokens with exactly this description are ever deleted.
	 */
	static final String DESCRIPTION = "Kept by the Stoker join-token keeper; deleted once Stoker no longer lists it";

	/**
	 * A listed token is extended when less than this is left, so it is always valid for
	 * at least this long after a run that succeeded; Stoker warns from the same figure.
	 */
	static final Duration MIN_AHEAD = KubeadmLifetimes.KEEPER_MIN_AHEAD;

	/** How long a registered or extended token is valid: kubeadm's own TTL. */
	static final Duration EXTEND = KubeadmLifetimes.BOOTSTRAP_TOKEN_TTL;

	/**
	 * The exit status of a refused credential, after which only the timer tries again.
	 */
	static final int CREDENTIAL_REFUSED = 2;

	static final String PERIOD = KubeadmLifetimes.KEEPER_PERIOD.toSeconds() + "s";

	static final String RANDOM_DELAY = KubeadmLifetimes.KEEPER_RANDOM_DELAY.toSeconds() + "s";

	private static final String SCRIPT = NodeFiles.script("join-token-keeper.sh");

	private JoinTokenKeeper() {
	}

	/** The script, its EnvironmentFile, the credential and Stoker's CA, if any. */
	static List<File> files(ValidCluster cluster, KeeperAccess access) {
		List<File> files = new ArrayList<>();
		files.add(NodeFiles.file(NodePaths.KEEPER_SCRIPT, SCRIPT, NodeFiles.EXECUTABLE));
		files.add(NodeFiles.file(NodePaths.KEEPER_ENVIRONMENT, environment(cluster, access), NodeFiles.SECRET));
		files.add(NodeFiles.file(NodePaths.KEEPER_CREDENTIAL, access.credential(), NodeFiles.SECRET));
		if (access.caBundle() != null) {
			files.add(NodeFiles.file(NodePaths.STOKER_CA_BUNDLE, access.caBundle(), NodeFiles.PUBLIC));
		}
		return List.copyOf(files);
	}

	static List<Unit> units() {
		return List.of(new Unit(SERVICE, true, null, UnitWriter.write(service()), null),
				new Unit(TIMER, true, null, UnitWriter.write(timer()), null));
	}

	/**
	 * What the script reads. The credential stays in a file of its own, so that it is in
	 * no process's environment and can be replaced by itself.
	 */
	static String environment(ValidCluster cluster, KeeperAccess access) {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("STOKER_JOIN_TOKENS_URL", access.joinTokens().toASCIIString());
		variables.put("STOKER_CREDENTIAL_FILE", NodePaths.KEEPER_CREDENTIAL);
		variables.put("STOKER_CA_FILE", (access.caBundle() != null) ? NodePaths.STOKER_CA_BUNDLE : "");
		variables.put("KEEPER_KUBECONFIG", NodePaths.ADMIN_KUBECONFIG);
		variables.put("KEEPER_DESCRIPTION", DESCRIPTION);
		variables.put("KEEPER_TOKEN_TTL", KubeadmLifetimes.BOOTSTRAP_TOKEN_TTL_TEXT);
		variables.put("KEEPER_MIN_AHEAD_SECONDS", Long.toString(MIN_AHEAD.toSeconds()));
		variables.put("KEEPER_EXTEND_SECONDS", Long.toString(EXTEND.toSeconds()));
		variables.put("KUBEADM", InstallMethod.kubeadm(cluster.install()));
		variables.put("KUBECTL", InstallMethod.kubectl(cluster.install()));
		return EnvironmentFile.quoted(variables).write();
	}

	/**
	 * Ordered after kubeadm.service: at first boot the first run waits for init or join
	 * to finish (a oneshot unit is started once its ExecStart= has exited,
	 * systemd.service(5)); on a node where kubeadm did not get that far admin.conf is
	 * missing and the run is skipped, not failed. A failure is retried after RestartSec=
	 * (Restart=on-failure is allowed for oneshot units), except a refused credential,
	 * which only a new credential fixes: the timer tries that again. The start timeout
	 * bounds a run that hangs on an API server that does not answer.
	 */
	static UnitFile service() {
		return UnitFile.builder()
			.section("Unit")
			.set("Description", "Keep the cluster's join tokens as Stoker lists them")
			.set("Wants", "network-online.target")
			.set("After", KubeadmUnit.NAME + " network-online.target")
			.set("ConditionPathExists", NodePaths.ADMIN_KUBECONFIG)
			.set("StartLimitIntervalSec", "0")
			.section("Service")
			.set("Type", "oneshot")
			.set("EnvironmentFile", NodePaths.KEEPER_ENVIRONMENT)
			.set("Environment", "PATH=" + KubeadmUnit.PATH)
			.set("Restart", "on-failure")
			.set("RestartSec", "1min")
			.set("RestartPreventExitStatus", Integer.toString(CREDENTIAL_REFUSED))
			.set("TimeoutStartSec", "5min")
			.exec("ExecStart", Command.of(NodePaths.KEEPER_SCRIPT))
			.section("Install")
			.set("WantedBy", "multi-user.target")
			.build();
	}

	/**
	 * Runs the keeper again 10 minutes after its last run, each time up to 2 minutes
	 * later at random so that the control planes do not all write at once. As in
	 * systemd's own systemd-tmpfiles-clean.timer, OnBootSec= starts the cycle should the
	 * service not have run at boot (OnUnitActiveSec= counts from its last activation,
	 * systemd.timer(5)).
	 */
	static UnitFile timer() {
		return UnitFile.builder()
			.section("Unit")
			.set("Description", "Run the Stoker join-token keeper about every 10 minutes")
			.section("Timer")
			.set("OnBootSec", PERIOD)
			.set("OnUnitActiveSec", PERIOD)
			.set("RandomizedDelaySec", RANDOM_DELAY)
			.section("Install")
			.set("WantedBy", "timers.target")
			.build();
	}

	static String script() {
		return SCRIPT;
	}

}

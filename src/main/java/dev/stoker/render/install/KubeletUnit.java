package dev.stoker.render.install;

import dev.stoker.systemd.Command;
import dev.stoker.systemd.UnitFile;

/**
 * The kubelet's unit for the binaries install, laid out as kubeadm expects (Kubernetes'
 * "Configuring each kubelet in your cluster using kubeadm"): a plain kubelet.service, and
 * the {@value #KUBEADM_DROPIN} drop-in that points the kubelet at the files kubeadm init
 * and join write.
 */
final class KubeletUnit {

	static final String NAME = "kubelet.service";

	static final String KUBEADM_DROPIN = "10-kubeadm.conf";

	static final String KUBELET = BinariesInstall.path("kubelet");

	private KubeletUnit() {
	}

	/**
	 * Until kubeadm has written its config the kubelet exits at once; it must keep being
	 * restarted, never given up on, so there is no start limit.
	 */
	static UnitFile service() {
		return UnitFile.builder()
			.section("Unit")
			.set("Description", "kubelet: The Kubernetes Node Agent")
			.set("Documentation", "https://kubernetes.io/docs/")
			.set("Wants", "network-online.target")
			.set("After", "network-online.target")
			.set("StartLimitIntervalSec", "0")
			.section("Service")
			.exec("ExecStart", Command.of(KUBELET))
			.set("Restart", "always")
			.set("RestartSec", "10")
			.section("Install")
			.set("WantedBy", "multi-user.target")
			.build();
	}

	/**
	 * The bootstrap kubeconfig (used until kubelet.conf exists) and the kubelet's config
	 * file; the flags kubeadm init and join write into kubeadm-flags.env
	 * (KUBELET_KUBEADM_ARGS); and an operator's last-resort overrides in
	 * /etc/default/kubelet (KUBELET_EXTRA_ARGS). Both files are optional ({@code -}): the
	 * kubelet starts, and restarts, before kubeadm has written them.
	 */
	static UnitFile kubeadmDropin() {
		return UnitFile.builder()
			.section("Service")
			.set("Environment",
					"\"KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf"
							+ " --kubeconfig=/etc/kubernetes/kubelet.conf\"")
			.set("Environment", "\"KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml\"")
			.set("EnvironmentFile", "-/var/lib/kubelet/kubeadm-flags.env")
			.set("EnvironmentFile", "-/etc/default/kubelet")
			// An empty ExecStart= drops the unit's own command: a service has only one.
			.set("ExecStart", "")
			.exec("ExecStart",
					Command.of(KUBELET)
						.withVariables("KUBELET_KUBECONFIG_ARGS", "KUBELET_CONFIG_ARGS", "KUBELET_KUBEADM_ARGS",
								"KUBELET_EXTRA_ARGS"))
			.build();
	}

}

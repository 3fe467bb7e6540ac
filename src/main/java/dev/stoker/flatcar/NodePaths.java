package dev.stoker.flatcar;

/**
 * Where things live on a Flatcar node, for every piece that writes or names them. /usr is
 * read-only on Flatcar, so what Stoker adds goes under /etc, /opt and /run.
 */
public final class NodePaths {

	/** The kubeadm config as the document writes it, host variables unsubstituted. */
	public static final String KUBEADM_CONFIG = "/etc/kubeadm.yml";

	/** The kubeadm config with the Afterburn variables substituted, mode 0600. */
	public static final String KUBEADM_FINAL_CONFIG = "/etc/kubeadm-final.yml";

	/**
	 * Where Flatcar's coreos-metadata.service writes the Afterburn attributes (Flatcar's
	 * "Using environment variables in systemd units" page).
	 */
	public static final String AFTERBURN_METADATA = "/run/metadata/flatcar";

	/**
	 * Where node-addresses.service writes the addresses it found on the node's
	 * interfaces, as an environment file; under /run, so every boot looks again.
	 */
	public static final String NODE_ADDRESSES = "/run/node-addresses/addresses.env";

	/** The script node-addresses.service runs. */
	public static final String NODE_ADDRESSES_SCRIPT = "/opt/libexec/node-addresses";

	/** The node-addresses script's parameters, as an environment file. */
	public static final String NODE_ADDRESSES_PARAMETERS = "/etc/node-addresses.env";

	/** kubeadm's certificate directory; kubeadm uses the files it finds there. */
	public static final String PKI_DIR = "/etc/kubernetes/pki/";

	/** Where kubeadm init finds the cluster CA to use instead of generating one. */
	public static final String CA_CERTIFICATE = PKI_DIR + "ca.crt";

	public static final String CA_KEY = PKI_DIR + "ca.key";

	/**
	 * Where a control plane keeps the keys all control planes share (kubeadm's names,
	 * relative to its certificate directory), to copy into {@link #PKI_DIR} before every
	 * join attempt: kubeadm reset, which follows a failed attempt, deletes what is in
	 * {@link #PKI_DIR}.
	 */
	public static final String SHARED_PKI_DIR = "/etc/stoker/pki/";

	/** Written by kubeadm once init or join has got that far. */
	public static final String KUBELET_KUBECONFIG = "/etc/kubernetes/kubelet.conf";

	/** The cluster admin's kubeconfig, which init and a control-plane join write. */
	public static final String ADMIN_KUBECONFIG = "/etc/kubernetes/admin.conf";

	public static final String HOSTNAME = "/etc/hostname";

	/** Binaries Stoker installs: the one writable directory on Flatcar's default PATH. */
	public static final String OPT_BIN = "/opt/bin";

	/** The sysext image merges its binaries into /usr/bin. */
	public static final String USR_BIN = "/usr/bin";

	/**
	 * containerd looks for CNI plugins here (Kubernetes' "Installing kubeadm" page puts
	 * the reference plugins here when installing without a package manager).
	 */
	public static final String CNI_BIN_DIR = "/opt/cni/bin";

	/** What Stoker itself puts on a node: the keeper's and reporter's settings. */
	public static final String STOKER_DIR = "/etc/stoker/";

	/**
	 * The directory of the patches kubeadm applies (patches.directory of its Init and
	 * Join configurations): Stoker's, holding only what the node's document writes.
	 */
	public static final String KUBEADM_PATCHES = STOKER_DIR + "kubeadm-patches";

	/** The join-token keeper's EnvironmentFile, mode 0600. */
	public static final String KEEPER_ENVIRONMENT = STOKER_DIR + "join-token-keeper.env";

	/** The keeper credential, mode 0600: it opens the cluster's join-token list. */
	public static final String KEEPER_CREDENTIAL = STOKER_DIR + "keeper-credential";

	/**
	 * The CA certificates the keeper trusts for Stoker's TLS, when Stoker has a bundle.
	 */
	public static final String STOKER_CA_BUNDLE = STOKER_DIR + "ca.pem";

	/** The join-token keeper's script. */
	public static final String KEEPER_SCRIPT = OPT_BIN + "/stoker-join-token-keeper";

	/** The machine reporter's script. */
	public static final String REPORT_SCRIPT = OPT_BIN + "/stoker-report";

	/** The machine reporter's EnvironmentFile. */
	public static final String REPORT_ENVIRONMENT = STOKER_DIR + "report.env";

	/**
	 * The node group's report credential, mode 0600: it opens the group's reports only.
	 */
	public static final String REPORT_CREDENTIAL = STOKER_DIR + "report-credential";

	/**
	 * What the reporter keeps across boots: that ignition-done was reported, so it is
	 * reported once per machine.
	 */
	public static final String REPORT_STATE_DIR = "/var/lib/stoker-report";

	/**
	 * What the reporter keeps for one boot: a failed attempt's exit status and journal.
	 */
	public static final String REPORT_RUN_DIR = "/run/stoker-report";

	/**
	 * The machine's id, which systemd writes at first boot (machine-id(5)): the key a
	 * machine's reports are kept under.
	 */
	public static final String MACHINE_ID = "/etc/machine-id";

	/**
	 * What Stoker served this machine: cluster, group or node, revision, the Ignition's
	 * hash and Stoker's URL. No secret.
	 */
	public static final String SERVED = STOKER_DIR + "served.json";

	private NodePaths() {
	}

}

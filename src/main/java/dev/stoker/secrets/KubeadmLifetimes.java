package dev.stoker.secrets;

import java.time.Duration;

/**
 * How long kubeadm keeps the join secrets working, and the commands that register new
 * ones on a running control plane.
 */
public final class KubeadmLifetimes {

	/**
	 * The bootstrap token's TTL, as the init config sets it (kubeadm's default) and as
	 * {@code kubeadm token create} takes it.
	 */
	public static final Duration BOOTSTRAP_TOKEN_TTL = Duration.ofHours(24);

	public static final String BOOTSTRAP_TOKEN_TTL_TEXT = "24h0m0s";

	/**
	 * The join-token keeper gives a listed token a new expiration one TTL ahead whenever
	 * less than this is left: after each run that succeeded, every listed token is valid
	 * for at least this long, so a token may lapse only once no keeper has succeeded for
	 * this long.
	 */
	public static final Duration KEEPER_MIN_AHEAD = Duration.ofHours(23);

	/** How long after its last run a control plane's join-token keeper runs again. */
	public static final Duration KEEPER_PERIOD = Duration.ofMinutes(10);

	/** The most each run is delayed at random, so control planes do not run at once. */
	public static final Duration KEEPER_RANDOM_DELAY = Duration.ofMinutes(2);

	/**
	 * By when a running keeper has registered a token Stoker lists for the first time:
	 * its next run, plus a minute for the run itself.
	 */
	public static final Duration KEEPER_REGISTERS_WITHIN = KEEPER_PERIOD.plus(KEEPER_RANDOM_DELAY)
		.plus(Duration.ofMinutes(1));

	/**
	 * kubeadm deletes the certificates uploaded with {@code --upload-certs} (the
	 * kubeadm-certs Secret) after two hours; a control plane joining later cannot
	 * download them.
	 */
	public static final Duration UPLOADED_CERTIFICATES = Duration.ofHours(2);

	private KubeadmLifetimes() {
	}

	/** Registers a bootstrap token with the cluster, with the same TTL as at init. */
	public static String tokenCreateCommand(String bootstrapToken) {
		return "kubeadm token create " + bootstrapToken + " --ttl " + BOOTSTRAP_TOKEN_TTL_TEXT;
	}

	/** Uploads the control-plane certificates again, encrypted under the given key. */
	public static String uploadCertsCommand(String certificateKey) {
		return "kubeadm init phase upload-certs --upload-certs --certificate-key " + certificateKey;
	}

}

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

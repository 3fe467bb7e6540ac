package dev.stoker.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.stoker.audit.KeeperCheckIn;
import dev.stoker.definition.NodeRole;
import dev.stoker.secrets.KubeadmLifetimes;
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.secrets.SecretClocks;

/**
 * Whether a joining node will find the join secrets still registered: kubeadm deletes the
 * uploaded certificates two hours after they were uploaded, and the bootstrap token
 * expires after its TTL. A document past either limit is still served (the operator may
 * have registered new secrets by hand); it carries a warning that says what will fail and
 * what to run.
 *
 * <p>
 * Once a join-token keeper of the cluster has checked in, the token's fate is read from
 * the keepers' check-ins instead of the clock started by the bootstrap fetch: each
 * check-in follows a run that left every listed token valid for at least
 * {@link KubeadmLifetimes#KEEPER_MIN_AHEAD}, so the token may have lapsed only when no
 * keeper has checked in for that long.
 */
final class JoinDeadlines {

	private JoinDeadlines() {
	}

	/**
	 * The warnings for a document of {@code served} secrets. The clocks are read only
	 * when something can come of them: the certificates' for a control plane of a cluster
	 * that uploads certificates, the bootstrap token's until a keeper has checked in.
	 */
	static List<String> warnings(String cluster, NodeRole role, KubeadmSecrets served,
			Supplier<SecretClocks> readClocks, Optional<KeeperCheckIn> lastCheckIn, Instant now) {
		List<String> warnings = new ArrayList<>();
		if (role == NodeRole.BOOTSTRAP) {
			return warnings;
		}
		boolean certificates = role == NodeRole.CONTROL_PLANE && served.uploadsCertificates();
		SecretClocks clocks = (certificates || lastCheckIn.isEmpty()) ? readClocks.get() : null;
		if (certificates) {
			clocks.certificateKeySince()
				.filter((since) -> now.isAfter(since.plus(KubeadmLifetimes.UPLOADED_CERTIFICATES)))
				.ifPresent((since) -> warnings.add("The control-plane certificates were uploaded at " + since
						+ " and kubeadm deletes them after 2 hours, so this node's kubeadm join will fail to download them."
						+ " Rotate the certificate key (POST /api/v1/clusters/" + cluster
						+ "/secrets/rotate with {\"certificateKey\": true}), run the upload-certs command it answers on a"
						+ " control plane, and fetch this document again."));
		}
		if (lastCheckIn.isPresent()) {
			keeperWarning(cluster, lastCheckIn.get(), served.bootstrapToken().id(), now).ifPresent(warnings::add);
			return warnings;
		}
		clocks.bootstrapTokenSince()
			.filter((since) -> now.isAfter(since.plus(KubeadmLifetimes.BOOTSTRAP_TOKEN_TTL)))
			.ifPresent((since) -> warnings.add("The bootstrap token was registered at " + since
					+ " with a 24-hour TTL and has expired, so this node's kubeadm join will be refused."
					+ " Rotate it (POST /api/v1/clusters/" + cluster
					+ "/secrets/rotate with {\"bootstrapToken\": true}), run the kubeadm token create command it"
					+ " answers on a control plane, and fetch this document again."));
		return warnings;
	}

	private static Optional<String> keeperWarning(String cluster, KeeperCheckIn last, String currentTokenId,
			Instant now) {
		String look = " Look at the keepers on the control planes (journalctl -u stoker-join-token-keeper.service)"
				+ " and at their check-ins (GET /api/v1/clusters/" + cluster + "/join-tokens).";
		Duration silent = Duration.between(last.checkedInAt(), now);
		if (silent.compareTo(KubeadmLifetimes.KEEPER_MIN_AHEAD) > 0) {
			return Optional.of("No join-token keeper of this cluster has checked in since " + last.checkedInAt() + " ("
					+ silent.toHours() + " hours ago), so the bootstrap token may have expired and this node's"
					+ " kubeadm join may be refused." + look);
		}
		if (!last.present().contains(currentTokenId)) {
			return Optional
				.of("The keepers have not yet reported the current bootstrap token registered (last check-in "
						+ last.checkedInAt() + " from " + last.node() + "): this node's kubeadm join fails and retries"
						+ " until their next run registers it, about every 10 minutes." + look);
		}
		return Optional.empty();
	}

}

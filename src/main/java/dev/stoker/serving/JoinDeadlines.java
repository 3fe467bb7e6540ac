package dev.stoker.serving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.stoker.definition.NodeRole;
import dev.stoker.secrets.KubeadmLifetimes;
import dev.stoker.secrets.SecretClocks;

/**
 * Whether a joining node will find the join secrets still registered: kubeadm deletes the
 * uploaded certificates two hours after they were uploaded, and the bootstrap token
 * expires after its TTL. A document past either limit is still served (the operator may
 * have registered new secrets by hand); it carries a warning that says what will fail and
 * what to run.
 */
final class JoinDeadlines {

	private JoinDeadlines() {
	}

	static List<String> warnings(String cluster, NodeRole role, SecretClocks clocks, Instant now) {
		List<String> warnings = new ArrayList<>();
		if (role == NodeRole.BOOTSTRAP) {
			return warnings;
		}
		if (role == NodeRole.CONTROL_PLANE) {
			clocks.certificateKeySince()
				.filter((since) -> now.isAfter(since.plus(KubeadmLifetimes.UPLOADED_CERTIFICATES)))
				.ifPresent((since) -> warnings.add("The control-plane certificates were uploaded at " + since
						+ " and kubeadm deletes them after 2 hours, so this node's kubeadm join will fail to download them."
						+ " Rotate the certificate key (POST /api/v1/clusters/" + cluster
						+ "/secrets/rotate with {\"certificateKey\": true}), run the upload-certs command it answers on a"
						+ " control plane, and fetch this document again."));
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

}

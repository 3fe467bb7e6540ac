package dev.stoker.preview;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneYaml;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.definition.ValidNode;
import dev.stoker.ignition.ButaneTranspiler;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.keeper.JoinTokenRoutes;
import dev.stoker.render.KeeperAccess;
import dev.stoker.machines.MachineRoutes;
import dev.stoker.render.NodeButane;
import dev.stoker.render.Provenance;
import dev.stoker.render.ReportAccess;
import dev.stoker.secrets.ClusterSecrets;
import dev.stoker.secrets.KeeperTokens;
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.serving.CaBundle;

/**
 * Renders every document of a definition as Stoker would serve it, with
 * {@link RedactedSecrets} in place of the cluster's secrets: each node group's butane,
 * ignition and kubeadm (when its machines share a document), and each static node's
 * butane and ignition.
 */
@Component
class RedactedDocuments {

	private final ClusterSecrets secrets;

	private final KeeperTokens keeperTokens;

	private final CaBundle caBundle;

	RedactedDocuments(ClusterSecrets secrets, KeeperTokens keeperTokens, CaBundle caBundle) {
		this.secrets = secrets;
		this.keeperTokens = keeperTokens;
		this.caBundle = caBundle;
	}

	/**
	 * Which secrets a stored cluster has. Only whether they exist and which kind they are
	 * is kept of what is read: no value leaves this method.
	 */
	SecretShape shapeOf(String cluster) {
		boolean uploadsCertificates = secrets.load(cluster).map(KubeadmSecrets::uploadsCertificates).orElse(false);
		return new SecretShape(uploadsCertificates, keeperTokens.find(cluster).isPresent());
	}

	/**
	 * The revision every redacted document names (in its provenance file and its report
	 * settings) instead of the one it is served at: served documents name their own
	 * revision, so every write would otherwise change every line that names it, and a
	 * diff would no longer show what the definition changed.
	 */
	static final long REVISION = 0;

	/** Every document of the cluster, groups first, in the definition's order. */
	Map<DocumentKey, String> render(ValidCluster cluster, SecretShape shape, URI base) {
		KubeadmSecrets redacted = RedactedSecrets.of(shape.uploadsCertificates());
		Map<DocumentKey, String> documents = new LinkedHashMap<>();
		if (cluster.groupAddresses().isPresent()) {
			for (ValidGroup group : cluster.groups()) {
				ButaneConfig butane = new Provenance(cluster.name(), group.name(), null, REVISION, base)
					.addTo(NodeButane.forGroup(cluster, group, redacted, keeper(cluster, group, shape, base),
							report(cluster, base)));
				documents.put(new DocumentKey(group.name(), null, "butane"), ButaneYaml.write(butane));
				documents.put(new DocumentKey(group.name(), null, "ignition"),
						IgnitionJson.write(ButaneTranspiler.transpile(butane)));
				documents.put(new DocumentKey(group.name(), null, "kubeadm"),
						NodeButane.groupKubeadmConfig(cluster, group, redacted));
			}
		}
		for (ValidNode node : cluster.nodes()) {
			ButaneConfig butane = new Provenance(cluster.name(), node.group().name(), node.name(), REVISION, base)
				.addTo(NodeButane.forNode(cluster, node, redacted, keeper(cluster, node.group(), shape, base),
						report(cluster, base)));
			documents.put(new DocumentKey(node.group().name(), node.name(), "butane"), ButaneYaml.write(butane));
			documents.put(new DocumentKey(node.group().name(), node.name(), "ignition"),
					IgnitionJson.write(ButaneTranspiler.transpile(butane)));
		}
		return documents;
	}

	/**
	 * As a served machine's, with the placeholder credential. Every group of a cluster
	 * written now has a report credential (a create or PUT issues the missing ones).
	 */
	private ReportAccess report(ValidCluster cluster, URI base) {
		return new ReportAccess(MachineRoutes.reportUrl(base, cluster.name()), RedactedSecrets.REPORT_CREDENTIAL,
				caBundle.pem().map((pem) -> new String(pem, StandardCharsets.UTF_8)).orElse(null), REVISION);
	}

	/** As a served control plane's, with the placeholder credential. */
	private KeeperAccess keeper(ValidCluster cluster, ValidGroup group, SecretShape shape, URI base) {
		if (group.role() == NodeRole.WORKER || !shape.keeper()) {
			return null;
		}
		String ca = caBundle.pem().map((pem) -> new String(pem, StandardCharsets.UTF_8)).orElse(null);
		return new KeeperAccess(JoinTokenRoutes.url(base, cluster.name()), RedactedSecrets.KEEPER_CREDENTIAL, ca);
	}

}

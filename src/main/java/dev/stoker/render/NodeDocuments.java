package dev.stoker.render;

import org.springframework.stereotype.Service;

import dev.stoker.cluster.ClusterDefinition;
import dev.stoker.cluster.ClusterService;
import dev.stoker.cluster.NodeGroup;
import dev.stoker.kubeadm.JoinSecrets;
import dev.stoker.kubeadm.KubeadmConfigFactory;
import dev.stoker.kubeadm.KubeadmYaml;
import dev.stoker.net.IpFamily;
import dev.stoker.secrets.ClusterSecrets;
import dev.stoker.secrets.KubeadmSecrets;

/**
 * Renders the documents of a cluster's node groups from its stored definition and
 * secrets.
 */
@Service
public class NodeDocuments {

	private final ClusterService clusters;

	private final ClusterSecrets secrets;

	public NodeDocuments(ClusterService clusters, ClusterSecrets secrets) {
		this.clusters = clusters;
		this.secrets = secrets;
	}

	/** /etc/kubeadm.yml of a group, before the host substitutes its addresses. */
	public String kubeadmConfig(String clusterName, String groupName) {
		ClusterDefinition cluster = clusters.get(clusterName).definition();
		NodeGroup group = group(cluster, groupName);
		KubeadmSecrets kubeadmSecrets = secrets.load(clusterName)
			.orElseThrow(() -> new IllegalStateException("cluster " + clusterName + " has no secrets"));
		JoinSecrets join = new JoinSecrets(kubeadmSecrets.bootstrapToken().value(),
				kubeadmSecrets.certificateKey().hex(), kubeadmSecrets.ca().caCertHash());
		return KubeadmYaml.write(KubeadmConfigFactory.documents(cluster, group,
				AddressSource.forGroup(cluster, group).addresses(), join));
	}

	/**
	 * A group document exists when the group does and its platform tells nodes every
	 * address they need; otherwise the machines are static nodes with documents of their
	 * own.
	 */
	private static NodeGroup group(ClusterDefinition cluster, String name) {
		NodeGroup group = cluster.nodeGroups()
			.stream()
			.filter(g -> g.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new NodeGroupNotFoundException(cluster.name(),
					"Cluster " + cluster.name() + " has no node group named " + name + "."));
		boolean addressed = cluster.platform().hasMetadataService() && AddressSource.families(cluster)
			.stream()
			.allMatch((IpFamily family) -> cluster.platform().address(family).isPresent());
		if (!addressed) {
			throw new NodeGroupNotFoundException(cluster.name(),
					"Platform " + cluster.platform().wireName()
							+ " does not tell nodes all of their addresses, so node group " + name
							+ " has no document of its own; fetch each machine's under /api/v1/clusters/"
							+ cluster.name() + "/nodes/{node}.");
		}
		return group;
	}

}

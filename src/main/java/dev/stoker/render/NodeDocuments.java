package dev.stoker.render;

import org.springframework.stereotype.Service;

import dev.stoker.cluster.ClusterDefinition;
import dev.stoker.cluster.ClusterService;
import dev.stoker.cluster.NodeGroup;
import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneYaml;
import dev.stoker.cluster.StaticNode;
import dev.stoker.ignition.ButaneTranspiler;
import dev.stoker.ignition.IgnitionJson;
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
		return NodeButane.kubeadmConfig(cluster, group, AddressSource.forGroup(cluster, group), secrets(clusterName));
	}

	/** The Butane config every machine of a group boots with. */
	public String groupButane(String clusterName, String groupName) {
		return ButaneYaml.write(groupConfig(clusterName, groupName));
	}

	/** The same, transpiled to Ignition. */
	public String groupIgnition(String clusterName, String groupName) {
		return IgnitionJson.write(ButaneTranspiler.transpile(groupConfig(clusterName, groupName)));
	}

	/** A static node's Butane config: its addresses and hostname filled in. */
	public String nodeButane(String clusterName, String nodeName) {
		return ButaneYaml.write(nodeConfig(clusterName, nodeName));
	}

	public String nodeIgnition(String clusterName, String nodeName) {
		return IgnitionJson.write(ButaneTranspiler.transpile(nodeConfig(clusterName, nodeName)));
	}

	private ButaneConfig groupConfig(String clusterName, String groupName) {
		ClusterDefinition cluster = clusters.get(clusterName).definition();
		return NodeButane.forGroup(cluster, group(cluster, groupName), secrets(clusterName));
	}

	private ButaneConfig nodeConfig(String clusterName, String nodeName) {
		ClusterDefinition cluster = clusters.get(clusterName).definition();
		StaticNode node = cluster.nodes()
			.stream()
			.filter(n -> n.name().equals(nodeName))
			.findFirst()
			.orElseThrow(() -> new DocumentNotFoundException(
					"Cluster " + clusterName + " has no node named " + nodeName + "."));
		NodeGroup group = cluster.nodeGroups()
			.stream()
			.filter(g -> g.name().equals(node.group()))
			.findFirst()
			.orElseThrow();
		return NodeButane.forNode(cluster, node, group, secrets(clusterName));
	}

	private KubeadmSecrets secrets(String clusterName) {
		return secrets.load(clusterName)
			.orElseThrow(() -> new IllegalStateException("cluster " + clusterName + " has no secrets"));
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
			.orElseThrow(() -> new DocumentNotFoundException(
					"Cluster " + cluster.name() + " has no node group named " + name + "."));
		if (!AddressSource.platformGivesEveryAddress(cluster)) {
			throw new DocumentNotFoundException("Platform " + cluster.platform().wireName()
					+ " does not tell nodes all of their addresses, so node group " + name
					+ " has no document of its own; fetch each machine's under /api/v1/clusters/" + cluster.name()
					+ "/nodes/{node}.");
		}
		return group;
	}

}

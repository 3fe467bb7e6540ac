package dev.stoker.render;

import io.micrometer.core.instrument.Timer;
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

	private final DocumentMetrics metrics;

	NodeDocuments(ClusterService clusters, ClusterSecrets secrets, DocumentMetrics metrics) {
		this.clusters = clusters;
		this.secrets = secrets;
		this.metrics = metrics;
	}

	/** /etc/kubeadm.yml of a group, before the host substitutes its addresses. */
	public String kubeadmConfig(String clusterName, String groupName) {
		Timer.Sample sample = metrics.start();
		ClusterDefinition cluster = clusters.get(clusterName).definition();
		NodeGroup group = group(cluster, groupName);
		return metrics.rendered(sample, DocumentFormat.KUBEADM, group,
				NodeButane.kubeadmConfig(cluster, group, AddressSource.forGroup(cluster, group), secrets(clusterName)));
	}

	/** The Butane config every machine of a group boots with. */
	public String groupButane(String clusterName, String groupName) {
		Timer.Sample sample = metrics.start();
		Config config = groupConfig(clusterName, groupName);
		return metrics.rendered(sample, DocumentFormat.BUTANE, config.group(), ButaneYaml.write(config.butane()));
	}

	/** The same, transpiled to Ignition. */
	public String groupIgnition(String clusterName, String groupName) {
		Timer.Sample sample = metrics.start();
		Config config = groupConfig(clusterName, groupName);
		return metrics.rendered(sample, DocumentFormat.IGNITION, config.group(), ignition(config));
	}

	/** A static node's Butane config: its addresses and hostname filled in. */
	public String nodeButane(String clusterName, String nodeName) {
		Timer.Sample sample = metrics.start();
		Config config = nodeConfig(clusterName, nodeName);
		return metrics.rendered(sample, DocumentFormat.BUTANE, config.group(), ButaneYaml.write(config.butane()));
	}

	public String nodeIgnition(String clusterName, String nodeName) {
		Timer.Sample sample = metrics.start();
		Config config = nodeConfig(clusterName, nodeName);
		return metrics.rendered(sample, DocumentFormat.IGNITION, config.group(), ignition(config));
	}

	private static String ignition(Config config) {
		return IgnitionJson.write(ButaneTranspiler.transpile(config.butane()));
	}

	/**
	 * A machine's Butane config and the group it belongs to, which tags the render's
	 * meter (a static node's own name never does).
	 */
	private record Config(NodeGroup group, ButaneConfig butane) {
	}

	private Config groupConfig(String clusterName, String groupName) {
		ClusterDefinition cluster = clusters.get(clusterName).definition();
		NodeGroup group = group(cluster, groupName);
		return new Config(group, NodeButane.forGroup(cluster, group, secrets(clusterName)));
	}

	private Config nodeConfig(String clusterName, String nodeName) {
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
		return new Config(group, NodeButane.forNode(cluster, node, group, secrets(clusterName)));
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

package dev.stoker.render;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.definition.ValidNode;
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.secrets.SeededSecrets;

/**
 * The documents an example cluster serves, rendered as the application renders them: each
 * group's, or each static node's when the cluster lists its machines. Secrets come from a
 * source seeded with the cluster's name, so the bytes are stable.
 */
final class ExampleNodes {

	static final Path EXAMPLES = Path.of("examples");

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

	/** A keeper credential of the right shape, the same in every golden file. */
	static final String KEEPER_CREDENTIAL = "stj.k33p3rc0ffee.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

	/** A report credential of the right shape, the same in every golden file. */
	static final String REPORT_CREDENTIAL = "str.r3p0rtc0ffee.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

	/** The revision the golden documents are served at, and where Stoker is. */
	static final long REVISION = 3;

	static final URI STOKER = URI.create("https://stoker.example.com");

	private ExampleNodes() {
	}

	/**
	 * How the example's control planes reach Stoker, as if it served at
	 * stoker.example.com.
	 */
	static ReportAccess report(ValidCluster cluster) {
		return new ReportAccess(
				URI.create("https://stoker.example.com/api/v1/clusters/" + cluster.name() + "/machines/reports"),
				REPORT_CREDENTIAL, null, REVISION);
	}

	static KeeperAccess keeper(ValidCluster cluster) {
		return new KeeperAccess(
				URI.create("https://stoker.example.com/api/v1/clusters/" + cluster.name() + "/join-tokens"),
				KEEPER_CREDENTIAL, null);
	}

	/**
	 * One machine's document.
	 *
	 * @param example the definition's file name under examples/
	 * @param name the group's name, or the static node's
	 * @param node the static node, or null for a group document
	 */
	record Node(String example, String name, ValidCluster cluster, ValidGroup group, ValidNode node,
			KubeadmSecrets secrets) {

		NodeRole role() {
			return group.role();
		}

		/** The example's file name without its extension. */
		String stem() {
			return example.substring(0, example.lastIndexOf('.'));
		}

		/**
		 * As Stoker serves it at revision {@link #REVISION}: with reporting and
		 * provenance.
		 */
		ButaneConfig butane() {
			KeeperAccess keeper = keeper(cluster);
			ReportAccess report = report(cluster);
			ButaneConfig document = node == null ? NodeButane.forGroup(cluster, group, secrets, keeper, report)
					: NodeButane.forNode(cluster, node, secrets, keeper, report);
			return new Provenance(cluster.name(), group.name(), (node != null) ? node.name() : null, REVISION, STOKER)
				.addTo(document);
		}

		@Override
		public String toString() {
			return example + " " + name;
		}

	}

	/** Every definition file under examples/, by name. */
	static List<String> files() throws IOException {
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList();
		}
	}

	/** The documents of one example, validated with its defaults filled in. */
	static List<Node> of(String example) throws Exception {
		ValidCluster cluster = RenderExamples.example(example);
		KubeadmSecrets secrets = SeededSecrets.of(cluster.name(), CLOCK);
		List<Node> nodes = new ArrayList<>();
		if (cluster.nodes().isEmpty()) {
			for (ValidGroup group : cluster.groups()) {
				nodes.add(new Node(example, group.name(), cluster, group, null, secrets));
			}
		}
		for (ValidNode node : cluster.nodes()) {
			nodes.add(new Node(example, node.name(), cluster, node.group(), node, secrets));
		}
		return List.copyOf(nodes);
	}

}

package dev.stoker.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Passwd;
import dev.stoker.butane.ButaneConfig.Storage;
import dev.stoker.butane.ButaneConfig.Systemd;
import dev.stoker.butane.ButaneConfig.Unit;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.definition.ValidNode;
import dev.stoker.flatcar.NodePaths;
import dev.stoker.kubeadm.JoinSecrets;
import dev.stoker.kubeadm.KubeadmConfigFactory;
import dev.stoker.kubeadm.KubeadmYaml;
import dev.stoker.render.install.InstallMethod;
import dev.stoker.render.install.InstallPieces;
import dev.stoker.render.snippets.Refusal;
import dev.stoker.render.snippets.SnippetMerge;
import dev.stoker.render.snippets.StokerEntries;
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.systemd.UnitWriter;

/**
 * A node's whole Butane config: its install method, its own files (kubeadm config, its
 * group's kubelet patch, CA and shared keys, hostname), kubeadm.service, on control
 * planes the join-token keeper, the units that report its join progress, its login user's
 * keys, and the definition's snippets for the node merged in ({@link SnippetMerge}), with
 * what Stoker writes kept Stoker's. What Stoker served it ({@link Provenance}) is added
 * last, by the caller that knows the revision.
 */
public final class NodeButane {

	private NodeButane() {
	}

	/**
	 * The document every machine of a group boots with; addresses come from Afterburn or
	 * the machine's interfaces. Only a cluster whose address source is not its listed
	 * machines has group documents ({@link ValidCluster#groupAddresses()}).
	 * {@code report} is how its machines report their progress; null for a group that has
	 * no report credential (stored before there was one), whose machines do not report.
	 */
	public static ButaneConfig forGroup(ValidCluster cluster, ValidGroup group, KubeadmSecrets secrets,
			KeeperAccess keeper, ReportAccess report) {
		return merged(cluster, group, AddressSource.forGroup(cluster, group), secrets, null, keeper, report);
	}

	/**
	 * A static node's document: its addresses and hostname filled in, no Afterburn.
	 * {@code keeper} is how a control plane's join-token keeper reaches Stoker; null for
	 * a cluster that has no keeper credential (stored before there was one), whose
	 * control planes get no keeper.
	 */
	public static ButaneConfig forNode(ValidCluster cluster, ValidNode node, KubeadmSecrets secrets,
			KeeperAccess keeper, ReportAccess report) {
		return merged(cluster, node.group(), AddressSource.forNode(cluster, node, node.group().role()), secrets, node,
				keeper, report);
	}

	/**
	 * A group's kubeadm config alone, as /etc/kubeadm.yml holds it before the host
	 * substitutes addresses.
	 */
	public static String groupKubeadmConfig(ValidCluster cluster, ValidGroup group, KubeadmSecrets secrets) {
		return kubeadmConfig(cluster, group, AddressSource.forGroup(cluster, group), secrets);
	}

	static String kubeadmConfig(ValidCluster cluster, ValidGroup group, AddressSource source, KubeadmSecrets secrets) {
		JoinSecrets join = new JoinSecrets(secrets.bootstrapToken().value(),
				secrets.uploadsCertificates() ? secrets.certificateKey().hex() : null, secrets.ca().caCertHash());
		return KubeadmYaml.write(KubeadmConfigFactory.documents(cluster, group, source.addresses(), join));
	}

	/**
	 * Every snippet entry of the definition that cannot be merged into the document of a
	 * group or static node, each once, with what the first document to refuse it says (a
	 * cluster's snippet reaches every document). Rendered with the given secrets, whose
	 * values change no path, unit or user.
	 */
	public static List<Refusal> snippetRefusals(ValidCluster cluster, KubeadmSecrets secrets, KeeperAccess keeper,
			ReportAccess report) {
		Map<String, Refusal> refusals = new LinkedHashMap<>();
		if (cluster.groupAddresses().isPresent()) {
			for (ValidGroup group : cluster.groups()) {
				assemble(cluster, group, AddressSource.forGroup(cluster, group), secrets, null, keeper, report)
					.refusals()
					.forEach((refusal) -> refusals.putIfAbsent(refusal.pointer(), refusal));
			}
		}
		for (ValidNode node : cluster.nodes()) {
			assemble(cluster, node.group(), AddressSource.forNode(cluster, node, node.group().role()), secrets, node,
					keeper, report)
				.refusals()
				.forEach((refusal) -> refusals.putIfAbsent(refusal.pointer(), refusal));
		}
		return List.copyOf(refusals.values());
	}

	private static ButaneConfig merged(ValidCluster cluster, ValidGroup group, AddressSource source,
			KubeadmSecrets secrets, ValidNode node, KeeperAccess keeper, ReportAccess report) {
		return assemble(cluster, group, source, secrets, node, keeper, report).config();
	}

	private static SnippetMerge.Merged assemble(ValidCluster cluster, ValidGroup group, AddressSource source,
			KubeadmSecrets secrets, ValidNode node, KeeperAccess keeper, ReportAccess report) {
		StokerEntries owned = OwnedPaths.of(cluster);
		InstallPieces install = InstallMethod.pieces(cluster);
		String installOwner = "the Kubernetes install, " + cluster.install().wireName();
		List<File> nodeFiles = NodeFiles.files(group.role(), kubeadmConfig(cluster, group, source, secrets),
				secrets.ca(), secrets.controlPlanePki(), node);
		nodeFiles.forEach((file) -> owned.path(file.path(), OwnedPaths.nodeFileOwner(file.path())));
		List<File> files = new ArrayList<>(nodeFiles);
		KubeadmConfigFactory.kubeletPatch(group).ifPresent((patch) -> {
			File file = NodeFiles.file(NodePaths.KUBEADM_PATCHES + "/" + KubeadmConfigFactory.KUBELET_PATCH_FILE, patch,
					NodeFiles.PUBLIC);
			owned.path(file.path(), "the group's kubelet settings, a kubeadm patch");
			files.add(file);
		});
		// a worker holds no credential to Stoker beyond the fetch token in its user data
		boolean keeps = keeper != null && group.role() != NodeRole.WORKER;
		if (keeps) {
			owned.files(OwnedPaths.KEEPER, JoinTokenKeeper.files(cluster, keeper));
			files.addAll(JoinTokenKeeper.files(cluster, keeper));
		}
		if (report != null) {
			List<File> reporting = new ArrayList<>(MachineReporter.files(cluster, report));
			// the keeper's files hold Stoker's CA already where there is a keeper
			if (!keeps && report.caBundle() != null) {
				reporting.add(NodeFiles.file(NodePaths.STOKER_CA_BUNDLE, report.caBundle(), NodeFiles.PUBLIC));
			}
			owned.files(OwnedPaths.REPORTS, reporting);
			files.addAll(reporting);
		}
		owned.files(installOwner, install.files())
			.directories(installOwner, install.directories())
			.links(installOwner, install.links())
			.units(installOwner, install.units());
		files.addAll(install.files());
		List<Unit> units = new ArrayList<>(install.units());
		if (node == null && NodeAddressesUnit.isNeeded(cluster)) {
			owned.files(OwnedPaths.NODE_ADDRESSES, NodeAddressesUnit.files(cluster))
				.units(OwnedPaths.NODE_ADDRESSES, List.of(NodeAddressesUnit.unit()));
			files.addAll(NodeAddressesUnit.files(cluster));
			units.add(NodeAddressesUnit.unit());
		}
		Unit kubeadm = new Unit(KubeadmUnit.NAME, true, null,
				UnitWriter.write(
						KubeadmUnit.of(cluster, group.role(), source, secrets.uploadsCertificates(), report != null)),
				null);
		owned.units("kubeadm.service, which runs kubeadm init or join", List.of(kubeadm));
		units.add(kubeadm);
		if (keeps) {
			owned.units(OwnedPaths.KEEPER, JoinTokenKeeper.units());
			units.addAll(JoinTokenKeeper.units());
		}
		if (report != null) {
			owned.units(OwnedPaths.REPORTS, MachineReporter.units());
			units.addAll(MachineReporter.units());
		}
		List<ButaneConfig.User> users = NodeFiles.users(cluster);
		users.forEach((user) -> owned.loginUser(user.name()));
		ButaneConfig stokers = ButaneConfig.flatcar(cluster.butaneVersion().wireName(),
				new Storage(files, install.directories().isEmpty() ? null : install.directories(),
						install.links().isEmpty() ? null : install.links()),
				new Systemd(units), users.isEmpty() ? null : new Passwd(users, null));
		return SnippetMerge.merge(stokers, owned, SnippetLevels.of(cluster, group, node));
	}

}

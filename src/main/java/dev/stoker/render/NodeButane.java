package dev.stoker.render;

import java.util.ArrayList;
import java.util.List;

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
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.systemd.UnitWriter;

/**
 * A node's whole Butane config: its install method, its own files (kubeadm config, its
 * group's kubelet patch, CA and shared keys, hostname), kubeadm.service, on control
 * planes the join-token keeper, the units that report its join progress, and its login
 * user's keys. What Stoker served it ({@link Provenance}) is added last, by the caller
 * that knows the revision.
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
		return assemble(cluster, group, AddressSource.forGroup(cluster, group), secrets, null, keeper, report);
	}

	/**
	 * A static node's document: its addresses and hostname filled in, no Afterburn.
	 * {@code keeper} is how a control plane's join-token keeper reaches Stoker; null for
	 * a cluster that has no keeper credential (stored before there was one), whose
	 * control planes get no keeper.
	 */
	public static ButaneConfig forNode(ValidCluster cluster, ValidNode node, KubeadmSecrets secrets,
			KeeperAccess keeper, ReportAccess report) {
		return assemble(cluster, node.group(), AddressSource.forNode(cluster, node, node.group().role()), secrets, node,
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

	private static ButaneConfig assemble(ValidCluster cluster, ValidGroup group, AddressSource source,
			KubeadmSecrets secrets, ValidNode node, KeeperAccess keeper, ReportAccess report) {
		InstallPieces install = InstallMethod.pieces(cluster);
		List<File> files = new ArrayList<>(NodeFiles.files(group.role(), kubeadmConfig(cluster, group, source, secrets),
				secrets.ca(), secrets.controlPlanePki(), node));
		KubeadmConfigFactory.kubeletPatch(group)
			.ifPresent((patch) -> files
				.add(NodeFiles.file(NodePaths.KUBEADM_PATCHES + "/" + KubeadmConfigFactory.KUBELET_PATCH_FILE, patch,
						NodeFiles.PUBLIC)));
		// a worker holds no credential to Stoker beyond the fetch token in its user data
		boolean keeps = keeper != null && group.role() != NodeRole.WORKER;
		if (keeps) {
			files.addAll(JoinTokenKeeper.files(cluster, keeper));
		}
		if (report != null) {
			files.addAll(MachineReporter.files(cluster, report));
			// the keeper's files hold Stoker's CA already where there is a keeper
			if (!keeps && report.caBundle() != null) {
				files.add(NodeFiles.file(NodePaths.STOKER_CA_BUNDLE, report.caBundle(), NodeFiles.PUBLIC));
			}
		}
		files.addAll(install.files());
		List<Unit> units = new ArrayList<>(install.units());
		if (node == null && NodeAddressesUnit.isNeeded(cluster)) {
			files.addAll(NodeAddressesUnit.files(cluster));
			units.add(NodeAddressesUnit.unit());
		}
		units.add(new Unit(KubeadmUnit.NAME, true, null,
				UnitWriter.write(
						KubeadmUnit.of(cluster, group.role(), source, secrets.uploadsCertificates(), report != null)),
				null));
		if (keeps) {
			units.addAll(JoinTokenKeeper.units());
		}
		if (report != null) {
			units.addAll(MachineReporter.units());
		}
		List<ButaneConfig.User> users = NodeFiles.users(cluster);
		return ButaneConfig.flatcar(cluster.butaneVersion().wireName(),
				new Storage(files, install.directories().isEmpty() ? null : install.directories(),
						install.links().isEmpty() ? null : install.links()),
				new Systemd(units), users.isEmpty() ? null : new Passwd(users, null));
	}

}

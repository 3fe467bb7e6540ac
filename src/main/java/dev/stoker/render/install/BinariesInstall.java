package dev.stoker.render.install;

import java.util.List;

import dev.stoker.butane.ButaneConfig.Directory;
import dev.stoker.butane.ButaneConfig.Dropin;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Resource;
import dev.stoker.butane.ButaneConfig.Unit;
import dev.stoker.definition.Architecture;
import dev.stoker.definition.KubernetesVersion;
import dev.stoker.flatcar.NodePaths;
import dev.stoker.systemd.UnitWriter;

/**
 * Kubernetes as plain binaries: Ignition downloads kubeadm, kubelet and kubectl from the
 * Kubernetes release into /opt/bin (/usr is read-only on Flatcar), and Stoker writes the
 * kubelet.service and the drop-in that kubeadm's packages would install. Nothing updates
 * them in place.
 */
final class BinariesInstall {

	static final List<String> BINARIES = List.of("kubeadm", "kubelet", "kubectl");

	private static final int EXECUTABLE = 0755;

	private BinariesInstall() {
	}

	/** Where a binary of the release is installed. */
	static String path(String binary) {
		return NodePaths.OPT_BIN + "/" + binary;
	}

	static InstallPieces pieces(KubernetesVersion version, Architecture architecture, Directory volumePlugins) {
		List<File> files = BINARIES.stream()
			.map(binary -> new File(path(binary), null,
					Resource.source(KubernetesRelease.binaryUrl(version, architecture, binary)), null, EXECUTABLE, null,
					null))
			.toList();
		// The reference CNI plugins ship as a tarball, which Ignition does not unpack
		// (the sysext gets them from its image): the pod network add-on installs the
		// plugins it uses, into a directory that exists from the start.
		List<Directory> directories = List.of(volumePlugins,
				new Directory(NodePaths.CNI_BIN_DIR, null, InstallMethod.DIRECTORY_MODE, null, null));
		Unit kubelet = new Unit(KubeletUnit.NAME, true, null, UnitWriter.write(KubeletUnit.service()),
				List.of(new Dropin(KubeletUnit.KUBEADM_DROPIN, UnitWriter.write(KubeletUnit.kubeadmDropin()))));
		return new InstallPieces(files, directories, List.of(), List.of(kubelet));
	}

}

package dev.stoker.render.install;

import java.util.List;

import dev.stoker.butane.ButaneConfig.Directory;
import dev.stoker.butane.ButaneConfig.Dropin;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Resource;
import dev.stoker.butane.ButaneConfig.Unit;
import dev.stoker.definition.Architecture;
import dev.stoker.definition.KubernetesVersion;
import dev.stoker.systemd.Command;
import dev.stoker.systemd.UnitFile;
import dev.stoker.systemd.UnitWriter;

/**
 * Kubernetes as plain binaries: Ignition downloads kubeadm, kubelet and kubectl from the
 * Kubernetes release into /opt/bin (/usr is read-only on Flatcar), and Stoker writes the
 * kubelet.service and the drop-in that kubeadm's packages would install. Nothing updates
 * them in place.
 */
final class BinariesInstall {

	static final String BIN_DIR = "/opt/bin/";

	static final List<String> BINARIES = List.of("kubeadm", "kubelet", "kubectl");

	private static final int EXECUTABLE = 0755;

	/**
	 * containerd looks for CNI plugins in /opt/cni/bin. Kubernetes' "Installing kubeadm"
	 * page installs the reference plugins there when installing without a package
	 * manager; Stoker cannot (they ship as a tarball, which Ignition does not unpack),
	 * and the sysext method gets them from its image. The pod network add-on installs the
	 * plugins it uses there; the directory is created so that it exists from the start.
	 */
	static final String CNI_BIN_DIR = "/opt/cni/bin";

	private BinariesInstall() {
	}

	static InstallPieces pieces(KubernetesVersion version, Architecture architecture, Directory volumePlugins) {
		List<File> files = BINARIES.stream()
			.map(binary -> new File(BIN_DIR + binary, null,
					Resource.source(KubernetesRelease.binaryUrl(version, architecture, binary)), null, EXECUTABLE, null,
					null))
			.toList();
		List<Directory> directories = List.of(volumePlugins,
				new Directory(CNI_BIN_DIR, null, InstallMethod.DIRECTORY_MODE, null, null));
		Unit kubelet = new Unit(KubeletUnit.NAME, true, null, UnitWriter.write(KubeletUnit.service()),
				List.of(new Dropin(KubeletUnit.KUBEADM_DROPIN, UnitWriter.write(KubeletUnit.kubeadmDropin()))));
		return new InstallPieces(files, directories, List.of(), List.of(kubelet));
	}

}

package dev.stoker.render.install;

import java.util.List;

import dev.stoker.butane.ButaneConfig.Directory;
import dev.stoker.butane.ButaneConfig.Dropin;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Link;
import dev.stoker.butane.ButaneConfig.Resource;
import dev.stoker.butane.ButaneConfig.Unit;
import dev.stoker.definition.Architecture;
import dev.stoker.definition.KubernetesVersion;
import dev.stoker.systemd.Command;
import dev.stoker.systemd.UnitFile;
import dev.stoker.systemd.UnitWriter;

/**
 * Kubernetes from Flatcar's sysext image, set up as Flatcar's kubeadm page does: Ignition
 * downloads the image for the cluster's version and architecture and links it into
 * /etc/extensions, where systemd-sysext merges it into /usr at boot. The image brings
 * kubeadm, kubelet, kubectl, the CNI plugins and a kubelet.service that starts by itself
 * (the image makes multi-user.target uphold it), so no unit of ours is needed for it.
 * <p>
 * Updates, only when the definition turns on {@code patchUpdates}: systemd-sysupdate's
 * timer runs the service, whose drop-in updates the {@code kubernetes} component from a
 * transfer pinned to the cluster's minor version, and flags {@code /run/reboot-required}
 * when the link moved to a new image, for a reboot coordinator such as kured to act on
 * (the sysext-bakery's docs/kubernetes.md). Off, the node keeps the release it booted
 * with: neither the timer (the bakery's docs turn updates off by not enabling it) nor the
 * transfers are written.
 */
final class SysextInstall {

	private static final String SYSUPDATE = "/usr/lib/systemd/systemd-sysupdate";

	/** Where the drop-in notes which image the link pointed at before and after. */
	private static final String BEFORE = "/tmp/kubernetes";

	private static final String AFTER = "/tmp/kubernetes-new";

	private SysextInstall() {
	}

	static InstallPieces pieces(KubernetesVersion version, Architecture architecture, Directory volumePlugins,
			boolean patchUpdates) {
		String image = SysextBakery.IMAGE_DIR + SysextBakery.imageName(version, architecture);
		List<Link> links = List.of(new Link(SysextBakery.EXTENSION_LINK, image, null, null, null, null));
		File download = download(image, SysextBakery.imageUrl(version, architecture));
		if (!patchUpdates) {
			return new InstallPieces(List.of(download), List.of(volumePlugins), links, List.of());
		}
		List<File> files = List.of(
				download(SysextBakery.SYSUPDATE_COMPONENT_DIR + SysextBakery.sysupdateName(version),
						SysextBakery.sysupdateUrl(version)),
				// The service's own run updates the default component, /etc/sysupdate.d;
				// Flatcar gives it this transfer that matches nothing, as it does
				// with every sysext.
				download(SysextBakery.NOOP_TRANSFER, SysextBakery.NOOP_TRANSFER_URL), download);
		List<Unit> units = List.of(new Unit("systemd-sysupdate.timer", true, null, null, null),
				new Unit("systemd-sysupdate.service", null, null, null,
						List.of(new Dropin("kubernetes.conf", UnitWriter.write(updateKubernetes())))));
		return new InstallPieces(files, List.of(volumePlugins), links, units);
	}

	private static File download(String path, String url) {
		return new File(path, null, Resource.source(url), null, null, null, null);
	}

	private static UnitFile updateKubernetes() {
		return UnitFile.builder()
			.section("Service")
			.exec("ExecStartPre", whereTheLinkPoints(BEFORE))
			.exec("ExecStartPre", Command.of(SYSUPDATE, "-C", "kubernetes", "update"))
			.exec("ExecStartPost", whereTheLinkPoints(AFTER))
			.exec("ExecStartPost",
					Command.of("/usr/bin/sh", "-c",
							"if ! cmp --silent " + BEFORE + " " + AFTER + "; then touch /run/reboot-required; fi"))
			.build();
	}

	private static Command whereTheLinkPoints(String file) {
		return Command.of("/usr/bin/sh", "-c", "readlink --canonicalize " + SysextBakery.EXTENSION_LINK + " > " + file);
	}

}

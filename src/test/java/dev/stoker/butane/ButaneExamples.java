package dev.stoker.butane;

import java.util.List;

import dev.stoker.butane.ButaneConfig.Directory;
import dev.stoker.butane.ButaneConfig.Disk;
import dev.stoker.butane.ButaneConfig.Dropin;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Filesystem;
import dev.stoker.butane.ButaneConfig.Group;
import dev.stoker.butane.ButaneConfig.HttpHeader;
import dev.stoker.butane.ButaneConfig.Ignition;
import dev.stoker.butane.ButaneConfig.KernelArguments;
import dev.stoker.butane.ButaneConfig.Link;
import dev.stoker.butane.ButaneConfig.Luks;
import dev.stoker.butane.ButaneConfig.Owner;
import dev.stoker.butane.ButaneConfig.Partition;
import dev.stoker.butane.ButaneConfig.Passwd;
import dev.stoker.butane.ButaneConfig.Proxy;
import dev.stoker.butane.ButaneConfig.Raid;
import dev.stoker.butane.ButaneConfig.Resource;
import dev.stoker.butane.ButaneConfig.Security;
import dev.stoker.butane.ButaneConfig.Storage;
import dev.stoker.butane.ButaneConfig.Systemd;
import dev.stoker.butane.ButaneConfig.Timeouts;
import dev.stoker.butane.ButaneConfig.Tls;
import dev.stoker.butane.ButaneConfig.Unit;
import dev.stoker.butane.ButaneConfig.User;
import dev.stoker.butane.ButaneConfig.Verification;

/** Butane configs shaped like the ones Stoker renders, for tests. */
public final class ButaneExamples {

	public static final String SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGj9Dd1vUHmVQ2nlC3D2Nk3Fq1l3h4JmK2s3vO4rJ0Yw ops@example";

	public static final String KUBEADM_UNIT = """
			[Unit]
			Description=Join the cluster with kubeadm
			Requires=containerd.service
			After=containerd.service
			ConditionPathExists=!/etc/kubernetes/kubelet.conf

			[Service]
			Type=oneshot
			ExecStart=/opt/bin/kubeadm join --config /etc/kubeadm-final.yml

			[Install]
			WantedBy=multi-user.target
			""";

	private ButaneExamples() {
	}

	/**
	 * One of each thing a node document holds: a secret file, a unit, a drop-in, a
	 * user...
	 */
	public static ButaneConfig node(String version) {
		Storage storage = new Storage(
				List.of(new File("/etc/kubeadm.yml", true, Resource.inline("apiVersion: kubeadm.k8s.io/v1beta4\n"),
						null, 0600, null, null),
						new File("/etc/hostname", true, Resource.inline("cp-1"), null, 0644, null, null)),
				List.of(new Directory("/opt/bin", null, 0755, null, null)),
				List.of(new Link("/etc/extensions/kubernetes.raw", "/opt/extensions/kubernetes/kubernetes.raw", null,
						true, null, null)));
		Systemd systemd = new Systemd(
				List.of(new Unit("kubeadm.service", true, null, KUBEADM_UNIT, null), new Unit("containerd.service",
						null, null, null, List.of(new Dropin("10-stoker.conf", "[Service]\nLimitNOFILE=1048576\n")))));
		Passwd passwd = new Passwd(List.of(User.withKeys("core", List.of(SSH_KEY), List.of("docker"))), null);
		return ButaneConfig.flatcar(version, storage, systemd, passwd);
	}

	/** Every option of the model set at least once, so a round trip misses none. */
	public static ButaneConfig everything() {
		Resource fetched = new Resource(null, "https://stoker.example.com/blob", "gzip",
				new Verification("sha256-" + "ab".repeat(32)),
				List.of(new HttpHeader("Authorization", "Bearer x"), new HttpHeader("X-Empty", null)));
		Ignition ignition = new Ignition(
				new ButaneConfig.Config(List.of(Resource.source("https://a.example/1.ign")), null), new Timeouts(10, 0),
				new Security(new Tls(
						List.of(Resource.inline("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")))),
				new Proxy("http://proxy:3128", "https://proxy:3128", List.of("10.0.0.0/8", ".internal")));
		List<Disk> disks = List.of(new Disk("/dev/sdb", true, List.of(new Partition("data", 1, 0, 2048,
				"0FC63DAF-8483-4772-8E79-3D69D8477DE4", "8A0E94F0-5E8B-4A3C-B67B-3C41D4CD5D0A", true, true, false))));
		List<Raid> raid = List
			.of(new Raid("md0", "raid1", List.of("/dev/sdc", "/dev/sdd"), 1, List.of("--bitmap=internal")));
		List<Filesystem> filesystems = List.of(new Filesystem("/dev/disk/by-partlabel/data", "ext4", "/var/lib/data",
				true, "data", "5b1a2ed1-8e4d-4b8e-9f6b-8a4c3f8e2d1a", List.of("-E", "lazy_itable_init=0"),
				List.of("noatime"), true));
		List<Luks> luks = List.of(new Luks("secret", "/dev/md/md0", Resource.inline("not-a-real-key"), "secret",
				"5b1a2ed1-8e4d-4b8e-9f6b-8a4c3f8e2d1b", List.of("--type", "luks2"), true, null, null));
		Storage storage = new Storage(disks, raid, filesystems,
				List.of(new File("/etc/a", false, fetched, List.of(Resource.inline("more\n")), 0640,
						Owner.named("core"), Owner.withId(500))),
				List.of(new Directory("/var/lib/a", true, 0750, Owner.withId(0), Owner.named("core"))),
				List.of(new Link("/etc/b", "/etc/a", true, false, Owner.named("core"), Owner.named("core"))), luks);
		Systemd systemd = new Systemd(List.of(new Unit("a.service", false, true, "[Service]\nExecStart=/bin/true\n",
				List.of(new Dropin("10-a.conf", "[Service]\nNice=5\n")))));
		Passwd passwd = new Passwd(
				List.of(new User("ops", "$6$rounds=4096$salt$hash", List.of(SSH_KEY), 1001, "Operator", "/home/ops",
						false, "ops", List.of("wheel", "docker"), false, true, "/bin/bash", true, false)),
				List.of(new Group("ops", 1001, "!", true, false)));
		return new ButaneConfig(ButaneConfig.FLATCAR, "1.1.0", ignition, storage, systemd, passwd,
				new KernelArguments(List.of("console=ttyS0"), List.of("quiet")));
	}

}

package dev.stoker.ignition;

import java.util.List;
import java.util.stream.Stream;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneConfig.Directory;
import dev.stoker.butane.ButaneConfig.Dropin;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Link;
import dev.stoker.butane.ButaneConfig.Owner;
import dev.stoker.butane.ButaneConfig.Passwd;
import dev.stoker.butane.ButaneConfig.Resource;
import dev.stoker.butane.ButaneConfig.Storage;
import dev.stoker.butane.ButaneConfig.Systemd;
import dev.stoker.butane.ButaneConfig.Unit;
import dev.stoker.butane.ButaneConfig.User;
import dev.stoker.butane.ButaneExamples;
import dev.stoker.butane.ButaneYaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The transpiler's output passes the real {@code ignition-validate} without a single
 * warning. Ignition 2.14 (Debian's) knows spec 3.3.0 but not the final 3.4.0 (it only has
 * "3.4.0-experimental"), so 3.4.0 output is validated when the validator knows it and
 * otherwise checked structurally: for every section Stoker writes, the 3.4.0 schema is
 * the 3.3.0 one, so the 3.4.0 config must be the validated 3.3.0 config with only the
 * version changed. The two fields only 3.4.0 has, LUKS's {@code discard} and
 * {@code openOptions}, are unknown to 2.14 even as "3.4.0-experimental": they are held to
 * butane's own output instead ({@code ButaneTranspilerSectionsTest}).
 */
class IgnitionValidateTest {

	static Stream<Arguments> representativeConfigs() {
		return Stream.of(
				argumentSet("a secret file with mode 0600",
						storage(new Storage(List.of(new File("/etc/kubeadm.yml", true,
								Resource.inline("kind: InitConfiguration\n"), null, 0600, null, null)), null, null))),
				argumentSet("a file compressed with gzip",
						storage(new Storage(
								List.of(new File("/etc/big.conf", true, Resource.inline("key = value\n".repeat(200)),
										null, 0644, Owner.named("root"), Owner.withId(0))),
								null, null))),
				argumentSet("a unit enabled with [Install] WantedBy=multi-user.target",
						systemd(new Unit("kubeadm.service", true, null, ButaneExamples.KUBEADM_UNIT, null))),
				argumentSet("a drop-in for an existing unit",
						systemd(new Unit("containerd.service", null, null, null,
								List.of(new Dropin("10-stoker.conf", "[Service]\nLimitNOFILE=1048576\n"))))),
				argumentSet("a user with ssh keys",
						ButaneConfig.flatcar("1.0.0", null, null,
								new Passwd(List.of(User.withKeys("core", List.of(ButaneExamples.SSH_KEY), null)),
										null))),
				argumentSet("a symbolic link",
						storage(new Storage(null, null,
								List.of(new Link("/etc/extensions/kubernetes.raw",
										"/opt/extensions/kubernetes/kubernetes.raw", null, true, null, null))))),
				argumentSet("a directory",
						storage(new Storage(null,
								List.of(new Directory("/opt/bin", null, 0755, Owner.named("core"), null)), null))),
				argumentSet("a data disk partitioned, formatted and mounted by its mount unit", yaml("""
						storage:
						  disks:
						    - device: /dev/nvme1n1
						      wipe_table: true
						      partitions:
						        - label: containerd
						          number: 1
						          size_mib: 0
						          type_guid: 0FC63DAF-8483-4772-8E79-3D69D8477DE4
						  filesystems:
						    - device: /dev/disk/by-partlabel/containerd
						      format: xfs
						      path: /var/lib/containerd
						      label: containerd
						      wipe_filesystem: true
						      mount_options: [noatime]
						      with_mount_unit: true
						""")), argumentSet("a swap partition and its swap unit", yaml("""
						storage:
						  filesystems:
						    - device: /dev/disk/by-partlabel/swap
						      format: swap
						      mount_options: [pri=1]
						      with_mount_unit: true
						""")), argumentSet("a RAID 1 array encrypted with LUKS and mounted", yaml("""
						storage:
						  raid:
						    - name: data
						      level: raid1
						      devices: [/dev/sdb, /dev/sdc]
						      spares: 0
						      options: [--bitmap=internal]
						  luks:
						    - name: data
						      device: /dev/md/data
						      key_file:
						        inline: not-a-real-key
						      label: data
						      options: [--type, luks2]
						      wipe_volume: true
						  filesystems:
						    - device: /dev/mapper/data
						      format: ext4
						      path: /var/lib/data
						      with_mount_unit: true
						""")), argumentSet("a mount unit with a drop-in merged into it", yaml("""
						storage:
						  filesystems:
						    - device: /dev/sdb1
						      format: ext4
						      path: /var/lib/etcd
						      with_mount_unit: true
						systemd:
						  units:
						    - name: var-lib-etcd.mount
						      dropins:
						        - name: 10-before.conf
						          contents: |
						            [Unit]
						            Before=kubelet.service
						""")), argumentSet("kernel arguments", yaml("""
						kernel_arguments:
						  should_exist: [console=ttyS0]
						  should_not_exist: [quiet]
						""")), argumentSet("a whole node", ButaneExamples.node("1.0.0")),
				argumentSet("every option of the model", ButaneExamples.everything()));
	}

	@ParameterizedTest(name = "{argumentSetName} passes ignition-validate as spec 3.3.0 without warnings")
	@MethodSource("representativeConfigs")
	void spec330PassesWithoutWarnings(ButaneConfig butane) {
		String json = IgnitionJson.write(ButaneTranspiler.transpile(version(butane, "1.0.0")));

		IgnitionValidate.Result result = IgnitionValidate.validate(json);

		assertThat(result.output()).as("ignition-validate output for %s", json).isEmpty();
		assertThat(result.exitCode()).isZero();
	}

	@ParameterizedTest(name = "{argumentSetName} is valid as spec 3.4.0")
	@MethodSource("representativeConfigs")
	void spec340IsTheValidatedConfigUnderItsOwnVersion(ButaneConfig butane) {
		String json330 = IgnitionJson.write(ButaneTranspiler.transpile(version(butane, "1.0.0")));
		String json340 = IgnitionJson.write(ButaneTranspiler.transpile(version(butane, "1.1.0")));

		assertThat(json340).isEqualTo(json330.replace("\"version\":\"3.3.0\"", "\"version\":\"3.4.0\""));
		if (IgnitionValidate.knows("3.4.0")) {
			IgnitionValidate.Result result = IgnitionValidate.validate(json340);
			assertThat(result.output()).as("ignition-validate output for %s", json340).isEmpty();
			assertThat(result.exitCode()).isZero();
		}
		else {
			assertThat(IgnitionValidate.validate(json330).clean()).isTrue();
		}
	}

	@Test
	void theValidatorCountsAWarningAsAFailure() {
		// the same check as above must catch what design.md warns about: an enabled
		// unit without [Install]
		String json = IgnitionJson.write(ButaneTranspiler
			.transpile(systemd(new Unit("oops.service", true, null, "[Service]\nExecStart=/bin/true\n", null))));

		IgnitionValidate.Result result = IgnitionValidate.validate(json);

		assertThat(result.clean()).isFalse();
		assertThat(result.output()).containsIgnoringCase("install");
	}

	@Test
	void aModeWrittenAsIfDecimalIsCaught() {
		String json = IgnitionJson.write(ButaneTranspiler.transpile(storage(new Storage(
				List.of(new File("/etc/x", null, Resource.inline("x"), null, 600, null, null)), null, null))));

		assertThat(IgnitionValidate.validate(json).clean()).isFalse();
	}

	private static ButaneConfig storage(Storage storage) {
		return ButaneConfig.flatcar("1.0.0", storage, null, null);
	}

	private static ButaneConfig systemd(Unit unit) {
		return ButaneConfig.flatcar("1.0.0", null, new Systemd(List.of(unit)), null);
	}

	private static ButaneConfig version(ButaneConfig config, String version) {
		return config.withVersion(version);
	}

	private static ButaneConfig yaml(String sections) {
		return ButaneYaml.read("variant: flatcar\nversion: 1.0.0\n" + sections);
	}

}

package dev.stoker.ignition;

import java.util.List;
import java.util.stream.Stream;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneConfig.Filesystem;
import dev.stoker.butane.ButaneConfig.Storage;
import dev.stoker.butane.ButaneYaml;
import dev.stoker.butane.UnitNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The sections beyond files, units and users, each as Butane YAML and the exact Ignition
 * JSON the real butane (flatcar 1.0.0 and 1.1.0, its {@code ToIgn3_3Bytes} and
 * {@code ToIgn3_4Bytes}) gives for it, byte for byte. Cases named after one of butane's
 * own {@code translate_test.go} cases hold that case's input and expectation.
 */
class ButaneTranspilerSectionsTest {

	@ParameterizedTest(name = "{argumentSetName}")
	@MethodSource("sections")
	void transpilesAsButaneDoes(String butaneYaml, String expectedJson) {
		assertThat(IgnitionJson.write(ButaneTranspiler.transpile(ButaneYaml.read(butaneYaml)))).isEqualTo(expectedJson);
	}

	static Stream<Arguments> sections() {
		return Stream.of(argumentSet("kernel arguments that must and must not be present (1.0.0)", """
				variant: flatcar
				version: 1.0.0
				kernel_arguments:
				  should_exist: [console=ttyS0, "quiet"]
				  should_not_exist: [mitigations=off]
				""",
				"{\"ignition\":{\"version\":\"3.3.0\"},\"kernelArguments\":{\"shouldExist\":[\"console=ttyS0\",\"quiet\"],\"shouldNotExist\":[\"mitigations=off\"]}}"),
				argumentSet("a disk with wipe_table and a partition with every field", """
						variant: flatcar
						version: 1.0.0
						storage:
						  disks:
						    - device: /dev/sdb
						      wipe_table: true
						      partitions:
						        - label: data
						          number: 1
						          size_mib: 10240
						          start_mib: 2048
						          type_guid: 0FC63DAF-8483-4772-8E79-3D69D8477DE4
						          guid: 8A0E94F0-5E8B-4A3C-B67B-3C41D4CD5D0A
						          wipe_partition_entry: true
						          should_exist: true
						          resize: false
						""",
						"{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"disks\":[{\"device\":\"/dev/sdb\",\"partitions\":[{\"guid\":\"8A0E94F0-5E8B-4A3C-B67B-3C41D4CD5D0A\",\"label\":\"data\",\"number\":1,\"resize\":false,\"shouldExist\":true,\"sizeMiB\":10240,\"startMiB\":2048,\"typeGuid\":\"0FC63DAF-8483-4772-8E79-3D69D8477DE4\",\"wipePartitionEntry\":true}],\"wipeTable\":true}]}}"),
				argumentSet(
						"partition number 0, the next free one, is left out as Go's omitempty does; sizes of 0 are kept",
						"""
								variant: flatcar
								version: 1.0.0
								storage:
								  disks:
								    - device: /dev/sdb
								      partitions:
								        - label: data
								          number: 0
								          size_mib: 0
								          start_mib: 0
								""",
						"{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"disks\":[{\"device\":\"/dev/sdb\",\"partitions\":[{\"label\":\"data\",\"sizeMiB\":0,\"startMiB\":0}]}]}}"),
				argumentSet("a partition that must not exist", """
						variant: flatcar
						version: 1.0.0
						storage:
						  disks:
						    - device: /dev/sdb
						      partitions:
						        - number: 9
						          should_exist: false
						""",
						"{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"disks\":[{\"device\":\"/dev/sdb\",\"partitions\":[{\"number\":9,\"shouldExist\":false}]}]}}"),
				argumentSet("a raid array with every field", """
						variant: flatcar
						version: 1.0.0
						storage:
						  raid:
						    - name: md0
						      level: raid1
						      devices: [/dev/sdc, /dev/sdd]
						      spares: 1
						      options: [--bitmap=internal]
						""",
						"{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"raid\":[{\"devices\":[\"/dev/sdc\",\"/dev/sdd\"],\"level\":\"raid1\",\"name\":\"md0\",\"options\":[\"--bitmap=internal\"],\"spares\":1}]}}"),
				argumentSet("a filesystem with every field and no mount unit", """
						variant: flatcar
						version: 1.0.0
						storage:
						  filesystems:
						    - device: /dev/disk/by-partlabel/data
						      format: ext4
						      path: /var/lib/containerd
						      wipe_filesystem: true
						      label: data
						      uuid: 5b1a2ed1-8e4d-4b8e-9f6b-8a4c3f8e2d1a
						      options: [-E, lazy_itable_init=0]
						      mount_options: [noatime]
						      with_mount_unit: false
						""",
						"{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"filesystems\":[{\"device\":\"/dev/disk/by-partlabel/data\",\"format\":\"ext4\",\"label\":\"data\",\"mountOptions\":[\"noatime\"],\"options\":[\"-E\",\"lazy_itable_init=0\"],\"path\":\"/var/lib/containerd\",\"uuid\":\"5b1a2ed1-8e4d-4b8e-9f6b-8a4c3f8e2d1a\",\"wipeFilesystem\":true}]}}"),
				argumentSet("butane's TestTranslateMountUnit 'local mount with options, overridden enabled flag'", """
						variant: flatcar
						version: 1.0.0
						storage:
						  filesystems:
						    - device: /dev/disk/by-label/foo
						      format: ext4
						      mount_options: [ro, noatime]
						      path: /var/lib/containers
						      with_mount_unit: true
						systemd:
						  units:
						    - name: var-lib-containers.mount
						      enabled: false
						""",
						"{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"filesystems\":[{\"device\":\"/dev/disk/by-label/foo\",\"format\":\"ext4\",\"mountOptions\":[\"ro\",\"noatime\"],\"path\":\"/var/lib/containers\"}]},\"systemd\":{\"units\":[{\"contents\":\"# Generated by Butane\\n[Unit]\\nRequires=systemd-fsck@dev-disk-by\\\\x2dlabel-foo.service\\nAfter=systemd-fsck@dev-disk-by\\\\x2dlabel-foo.service\\n\\n[Mount]\\nWhere=/var/lib/containers\\nWhat=/dev/disk/by-label/foo\\nType=ext4\\nOptions=ro,noatime\\n\\n[Install]\\nRequiredBy=local-fs.target\",\"enabled\":false,\"name\":\"var-lib-containers.mount\"}]}}"),
				argumentSet("butane's TestTranslateMountUnit 'local mount, no options'", """
						variant: flatcar
						version: 1.0.0
						storage:
						  filesystems:
						    - device: /dev/disk/by-label/foo
						      format: ext4
						      path: /var/lib/containers
						      with_mount_unit: true
						""",
						"{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"filesystems\":[{\"device\":\"/dev/disk/by-label/foo\",\"format\":\"ext4\",\"path\":\"/var/lib/containers\"}]},\"systemd\":{\"units\":[{\"contents\":\"# Generated by Butane\\n[Unit]\\nRequires=systemd-fsck@dev-disk-by\\\\x2dlabel-foo.service\\nAfter=systemd-fsck@dev-disk-by\\\\x2dlabel-foo.service\\n\\n[Mount]\\nWhere=/var/lib/containers\\nWhat=/dev/disk/by-label/foo\\nType=ext4\\n\\n[Install]\\nRequiredBy=local-fs.target\",\"enabled\":true,\"name\":\"var-lib-containers.mount\"}]}}"),
				argumentSet("butane's TestTranslateMountUnit 'overridden mount unit'", """
						variant: flatcar
						version: 1.0.0
						storage:
						  filesystems:
						    - device: /dev/disk/by-label/foo
						      format: ext4
						      path: /var/lib/containers
						      with_mount_unit: true
						systemd:
						  units:
						    - name: var-lib-containers.mount
						      contents: "[Service]\\nExecStart=/bin/false\\n"
						""",
						"{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"filesystems\":[{\"device\":\"/dev/disk/by-label/foo\",\"format\":\"ext4\",\"path\":\"/var/lib/containers\"}]},\"systemd\":{\"units\":[{\"contents\":\"[Service]\\nExecStart=/bin/false\\n\",\"enabled\":true,\"name\":\"var-lib-containers.mount\"}]}}"),
				argumentSet("butane's TestTranslateMountUnit 'swap, no options'", """
						variant: flatcar
						version: 1.0.0
						storage:
						  filesystems:
						    - device: /dev/disk/by-label/foo
						      format: swap
						      with_mount_unit: true
						""",
						"{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"filesystems\":[{\"device\":\"/dev/disk/by-label/foo\",\"format\":\"swap\"}]},\"systemd\":{\"units\":[{\"contents\":\"# Generated by Butane\\n[Swap]\\nWhat=/dev/disk/by-label/foo\\n\\n[Install]\\nRequiredBy=swap.target\",\"enabled\":true,\"name\":\"dev-disk-by\\\\x2dlabel-foo.swap\"}]}}"),
				argumentSet("butane's TestTranslateMountUnit 'swap with options'", """
						variant: flatcar
						version: 1.0.0
						storage:
						  filesystems:
						    - device: /dev/disk/by-label/foo
						      format: swap
						      mount_options: [pri=1, discard=pages]
						      with_mount_unit: true
						""",
						"{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"filesystems\":[{\"device\":\"/dev/disk/by-label/foo\",\"format\":\"swap\",\"mountOptions\":[\"pri=1\",\"discard=pages\"]}]},\"systemd\":{\"units\":[{\"contents\":\"# Generated by Butane\\n[Swap]\\nWhat=/dev/disk/by-label/foo\\nOptions=pri=1,discard=pages\\n\\n[Install]\\nRequiredBy=swap.target\",\"enabled\":true,\"name\":\"dev-disk-by\\\\x2dlabel-foo.swap\"}]}}"),
				argumentSet(
						"mount unit names escape as systemd-escape --path: dashes, spaces, a leading dot, UTF-8 bytes",
						"""
								variant: flatcar
								version: 1.0.0
								storage:
								  filesystems:
								    - device: /dev/sdb1
								      format: xfs
								      path: /var/lib/my-data/x y
								      with_mount_unit: true
								    - device: /dev/sdc1
								      format: vfat
								      path: /.hidden/données
								      with_mount_unit: true
								    - device: /dev/disk/by-id/dm-name-crypt
								      format: btrfs
								      path: /var/a:b_c.d
								      with_mount_unit: true
								""",
						"{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"filesystems\":[{\"device\":\"/dev/sdb1\",\"format\":\"xfs\",\"path\":\"/var/lib/my-data/x y\"},{\"device\":\"/dev/sdc1\",\"format\":\"vfat\",\"path\":\"/.hidden/données\"},{\"device\":\"/dev/disk/by-id/dm-name-crypt\",\"format\":\"btrfs\",\"path\":\"/var/a:b_c.d\"}]},\"systemd\":{\"units\":[{\"contents\":\"# Generated by Butane\\n[Unit]\\nRequires=systemd-fsck@dev-sdb1.service\\nAfter=systemd-fsck@dev-sdb1.service\\n\\n[Mount]\\nWhere=/var/lib/my-data/x y\\nWhat=/dev/sdb1\\nType=xfs\\n\\n[Install]\\nRequiredBy=local-fs.target\",\"enabled\":true,\"name\":\"var-lib-my\\\\x2ddata-x\\\\x20y.mount\"},{\"contents\":\"# Generated by Butane\\n[Unit]\\nRequires=systemd-fsck@dev-sdc1.service\\nAfter=systemd-fsck@dev-sdc1.service\\n\\n[Mount]\\nWhere=/.hidden/données\\nWhat=/dev/sdc1\\nType=vfat\\n\\n[Install]\\nRequiredBy=local-fs.target\",\"enabled\":true,\"name\":\"\\\\x2ehidden-donn\\\\xc3\\\\xa9es.mount\"},{\"contents\":\"# Generated by Butane\\n[Unit]\\nRequires=systemd-fsck@dev-disk-by\\\\x2did-dm\\\\x2dname\\\\x2dcrypt.service\\nAfter=systemd-fsck@dev-disk-by\\\\x2did-dm\\\\x2dname\\\\x2dcrypt.service\\n\\n[Mount]\\nWhere=/var/a:b_c.d\\nWhat=/dev/disk/by-id/dm-name-crypt\\nType=btrfs\\n\\n[Install]\\nRequiredBy=local-fs.target\",\"enabled\":true,\"name\":\"var-a:b_c.d.mount\"}]}}"),
				argumentSet("generated mount units come first; a unit of the same name merges its drop-ins into them",
						"""
								variant: flatcar
								version: 1.0.0
								storage:
								  filesystems:
								    - device: /dev/sdb1
								      format: ext4
								      path: /var/lib/containerd
								      with_mount_unit: true
								systemd:
								  units:
								    - name: a.service
								      mask: true
								    - name: var-lib-containerd.mount
								      dropins:
								        - name: 10-wait.conf
								          contents: "[Unit]\\nAfter=network.target\\n"
								""",
						"{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"filesystems\":[{\"device\":\"/dev/sdb1\",\"format\":\"ext4\",\"path\":\"/var/lib/containerd\"}]},\"systemd\":{\"units\":[{\"contents\":\"# Generated by Butane\\n[Unit]\\nRequires=systemd-fsck@dev-sdb1.service\\nAfter=systemd-fsck@dev-sdb1.service\\n\\n[Mount]\\nWhere=/var/lib/containerd\\nWhat=/dev/sdb1\\nType=ext4\\n\\n[Install]\\nRequiredBy=local-fs.target\",\"dropins\":[{\"contents\":\"[Unit]\\nAfter=network.target\\n\",\"name\":\"10-wait.conf\"}],\"enabled\":true,\"name\":\"var-lib-containerd.mount\"},{\"mask\":true,\"name\":\"a.service\"}]}}"),
				argumentSet("a LUKS volume with every field of spec 1.1.0 and an inline key file", """
						variant: flatcar
						version: 1.1.0
						storage:
						  luks:
						    - name: data
						      device: /dev/md/md0
						      key_file:
						        inline: not-a-real-key
						      label: data
						      uuid: 5b1a2ed1-8e4d-4b8e-9f6b-8a4c3f8e2d1b
						      options: [--cipher, aes-xts-plain64]
						      wipe_volume: true
						      discard: true
						      open_options: [--perf-no_read_workqueue]
						""",
						"{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"luks\":[{\"device\":\"/dev/md/md0\",\"discard\":true,\"keyFile\":{\"compression\":\"\",\"source\":\"data:,not-a-real-key\"},\"label\":\"data\",\"name\":\"data\",\"openOptions\":[\"--perf-no_read_workqueue\"],\"options\":[\"--cipher\",\"aes-xts-plain64\"],\"uuid\":\"5b1a2ed1-8e4d-4b8e-9f6b-8a4c3f8e2d1b\",\"wipeVolume\":true}]}}"),
				argumentSet("a LUKS volume of spec 1.0.0 with a key file fetched and verified",
						"""
								variant: flatcar
								version: 1.0.0
								storage:
								  luks:
								    - name: data
								      device: /dev/sdb
								      key_file:
								        source: https://keys.example.com/data
								        verification:
								          hash: sha512-00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff
								        http_headers:
								          - name: Authorization
								            value: Bearer x
								      wipe_volume: false
								""",
						"{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"luks\":[{\"device\":\"/dev/sdb\",\"keyFile\":{\"httpHeaders\":[{\"name\":\"Authorization\",\"value\":\"Bearer x\"}],\"source\":\"https://keys.example.com/data\",\"verification\":{\"hash\":\"sha512-00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"}},\"name\":\"data\",\"wipeVolume\":false}]}}"),
				argumentSet("a mount unit on a LUKS volume is a local mount (flatcar has no Clevis, so never _netdev)",
						"""
								variant: flatcar
								version: 1.1.0
								storage:
								  luks:
								    - name: data
								      device: /dev/sdb
								  filesystems:
								    - device: /dev/mapper/data
								      format: ext4
								      path: /var/lib/data
								      with_mount_unit: true
								""",
						"{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"filesystems\":[{\"device\":\"/dev/mapper/data\",\"format\":\"ext4\",\"path\":\"/var/lib/data\"}],\"luks\":[{\"device\":\"/dev/sdb\",\"name\":\"data\"}]},\"systemd\":{\"units\":[{\"contents\":\"# Generated by Butane\\n[Unit]\\nRequires=systemd-fsck@dev-mapper-data.service\\nAfter=systemd-fsck@dev-mapper-data.service\\n\\n[Mount]\\nWhere=/var/lib/data\\nWhat=/dev/mapper/data\\nType=ext4\\n\\n[Install]\\nRequiredBy=local-fs.target\",\"enabled\":true,\"name\":\"var-lib-data.mount\"}]}}"),
				argumentSet("a file with every field and an appended fragment from a source", """
						variant: flatcar
						version: 1.0.0
						storage:
						  files:
						    - path: /etc/containerd/certs.d/docker.io/hosts.toml
						      overwrite: true
						      contents:
						        inline: "server = \\"https://registry-1.docker.io\\"\\n"
						      append:
						        - source: https://mirror.example.com/hosts.toml
						          compression: gzip
						          verification:
						            hash: sha256-00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff
						      mode: 420
						      user:
						        name: root
						      group:
						        id: 0
						""",
						"{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"files\":[{\"group\":{\"id\":0},\"overwrite\":true,\"path\":\"/etc/containerd/certs.d/docker.io/hosts.toml\",\"user\":{\"name\":\"root\"},\"append\":[{\"compression\":\"gzip\",\"source\":\"https://mirror.example.com/hosts.toml\",\"verification\":{\"hash\":\"sha256-00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"}}],\"contents\":{\"compression\":\"\",\"source\":\"data:,server%20%3D%20%22https%3A%2F%2Fregistry-1.docker.io%22%0A\"},\"mode\":420}]}}"),
				argumentSet("every section at once keeps Ignition's field order", """
						variant: flatcar
						version: 1.1.0
						ignition:
						  timeouts:
						    http_total: 30
						kernel_arguments:
						  should_exist: [a]
						passwd:
						  groups:
						    - name: ops
						storage:
						  raid:
						    - name: md0
						      level: raid0
						      devices: [/dev/sdc, /dev/sdd]
						  luks:
						    - name: l
						      device: /dev/md/md0
						  links:
						    - path: /etc/l
						      target: /etc/f
						  filesystems:
						    - device: /dev/md/md0
						      format: ext4
						  files:
						    - path: /etc/f
						  disks:
						    - device: /dev/sdc
						  directories:
						    - path: /etc/d
						systemd:
						  units:
						    - name: a.service
						      mask: true
						""",
						"{\"ignition\":{\"timeouts\":{\"httpTotal\":30},\"version\":\"3.4.0\"},\"kernelArguments\":{\"shouldExist\":[\"a\"]},\"passwd\":{\"groups\":[{\"name\":\"ops\"}]},\"storage\":{\"directories\":[{\"path\":\"/etc/d\"}],\"disks\":[{\"device\":\"/dev/sdc\"}],\"files\":[{\"path\":\"/etc/f\"}],\"filesystems\":[{\"device\":\"/dev/md/md0\",\"format\":\"ext4\"}],\"links\":[{\"path\":\"/etc/l\",\"target\":\"/etc/f\"}],\"luks\":[{\"device\":\"/dev/md/md0\",\"name\":\"l\"}],\"raid\":[{\"devices\":[\"/dev/sdc\",\"/dev/sdd\"],\"level\":\"raid0\",\"name\":\"md0\"}]},\"systemd\":{\"units\":[{\"mask\":true,\"name\":\"a.service\"}]}}"));
	}

	@Test
	void pathsEscapeAsGoSystemdEscapesThem() {
		// go-systemd's unit.UnitNamePathEscape, which butane calls: doubled and outer
		// slashes collapse, and a byte below 0x10 has a single hex digit
		assertThat(UnitNames.pathEscape("/")).isEqualTo("-");
		assertThat(UnitNames.pathEscape("//var//lib/")).isEqualTo("var-lib");
		assertThat(UnitNames.pathEscape("/var/.a/-b\\c")).isEqualTo("var-.a-\\x2db\\x5cc");
		assertThat(UnitNames.pathEscape("/\t")).isEqualTo("\\x9");
	}

	@Test
	void aSpec110FieldUnderSpec100IsRefusedNotDropped() {
		assertThatIllegalArgumentException().isThrownBy(() -> ButaneTranspiler.transpile(ButaneYaml.read("""
				variant: flatcar
				version: 1.0.0
				storage:
				  luks:
				    - name: data
				      device: /dev/sdb
				      discard: true
				""")));
	}

	@Test
	void aMountUnitWithoutADeviceIsRefused() {
		Filesystem swap = new Filesystem(null, "swap", null, null, null, null, null, null, true);
		ButaneConfig config = ButaneConfig.flatcar("1.0.0",
				new Storage(null, null, List.of(swap), null, null, null, null), null, null);

		assertThatIllegalArgumentException().isThrownBy(() -> ButaneTranspiler.transpile(config));
	}

	@Test
	void aMountUnitValueThatWouldAddALineIsRefused() {
		for (String path : List.of("/var/a\nExecStart=/bin/sh", "/var/a\\")) {
			Filesystem filesystem = new Filesystem("/dev/sdb", "ext4", path, null, null, null, null, null, true);
			ButaneConfig config = ButaneConfig.flatcar("1.0.0",
					new Storage(null, null, List.of(filesystem), null, null, null, null), null, null);

			assertThatIllegalArgumentException().isThrownBy(() -> ButaneTranspiler.transpile(config));
		}
	}

}

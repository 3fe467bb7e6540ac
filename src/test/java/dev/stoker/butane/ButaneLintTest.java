package dev.stoker.butane;

import java.util.List;
import java.util.stream.Stream;

import dev.stoker.butane.ButaneLint.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Every rule of the strict checker, with the pointer and the message a user reads. Each
 * case names its source: butane's own error (config/common/errors.go, raised in base/v0_4
 * and v0_5 validate.go or base/util/file.go), Ignition's (config/shared/errors, raised by
 * config/v3_3/types and v3_4/types, which butane runs on its output), or Stoker's. The
 * pointers are the ones the real butane 1.0.0/1.1.0 translator reports for the same YAML
 * with --strict (where butane reports the same problem twice, once here).
 */
class ButaneLintTest {

	@ParameterizedTest(name = "{argumentSetName}")
	@MethodSource("rules")
	void reportsWhatButaneReports(String yaml, List<Finding> expected) {
		assertThat(ButaneLint.check(ButaneYaml.read(yaml))).containsExactlyElementsOf(expected);
	}

	static Stream<Arguments> rules() {
		return Stream.of(
				argumentSet("butane ErrDecimalMode (CheckForDecimalMode): a file mode of 644 that meant 0644", """
						variant: flatcar
						version: 1.0.0
						storage:
						  files:
						    - path: /etc/a
						      mode: 644
						""", List.of(finding("/storage/files/0/mode",
						"reads as an unusual mode, but its digits would be a usual one in octal: write the mode's decimal value (0644 is 420, 0755 is 493), as YAML 1.2 and JSON read a leading zero as decimal"),
						finding("/storage/files/0/mode",
								"has setuid, setgid or sticky bits, which Ignition before spec 3.6.0 does not set: remove them"))),
				argumentSet("butane ErrDecimalMode: a directory mode of 755 that meant 0755", """
						variant: flatcar
						version: 1.0.0
						storage:
						  directories:
						    - path: /etc/d
						      mode: 755
						""", List.of(finding("/storage/directories/0/mode",
						"reads as an unusual mode, but its digits would be a usual one in octal: write the mode's decimal value (0644 is 420, 0755 is 493), as YAML 1.2 and JSON read a leading zero as decimal"),
						finding("/storage/directories/0/mode",
								"has setuid, setgid or sticky bits, which Ignition before spec 3.6.0 does not set: remove them"))),
				argumentSet("butane CheckForDecimalMode: a usual mode written as its value (420 is 0644) draws nothing",
						"""
								variant: flatcar
								version: 1.0.0
								storage:
								  files:
								    - path: /etc/a
								      mode: 420
								""", List.of()),
				argumentSet("ignition ErrFileIllegalMode: a mode above 07777", """
						variant: flatcar
						version: 1.0.0
						storage:
						  files:
						    - path: /etc/a
						      mode: 4096
						""",
						List.of(finding("/storage/files/0/mode",
								"must be a mode from 0 to 07777 (4095), written as its decimal value: 0644 is 420"))),
				argumentSet("ignition ErrModeSpecialBits (a warning): setuid on a file", """
						variant: flatcar
						version: 1.0.0
						storage:
						  files:
						    - path: /usr/local/bin/a
						      mode: 2541
						""", List.of(finding("/storage/files/0/mode",
						"has setuid, setgid or sticky bits, which Ignition before spec 3.6.0 does not set: remove them"))),
				argumentSet("ignition ErrPathRelative and ErrDirtyPath, and ErrNoPath on a link", """
						variant: flatcar
						version: 1.0.0
						storage:
						  files:
						    - path: etc/a
						  directories:
						    - path: /etc//d/
						  links:
						    - target: /etc/a
						""", List.of(
						finding("/storage/directories/0/path",
								"must be a simplified path: no //, no . or .. segment and no final /"),
						finding("/storage/files/0/path", "must be an absolute path, starting with /"),
						finding("/storage/links/0/path", "is required: an absolute path such as /etc/example.conf"),
						finding("/storage/directories/0",
								"is under a link this config creates: Ignition does not write through links; use the link's target path"))),
				argumentSet("ignition ErrDuplicate: files, directories and links share one list of paths", """
						variant: flatcar
						version: 1.0.0
						storage:
						  directories:
						    - path: /etc/x
						  files:
						    - path: /etc/x
						    - path: /etc/y
						    - path: /etc/y
						  links:
						    - path: /etc/x
						      target: /etc/y
						""", List.of(
						finding("/storage/files/0",
								"repeats the path of an earlier file, directory or link: define each path once"),
						finding("/storage/files/2",
								"repeats the path of an earlier file, directory or link: define each path once"),
						finding("/storage/links/0",
								"repeats the path of an earlier file, directory or link: define each path once"))),
				argumentSet("ignition ErrOverwriteAndNilSource and ErrBothIDAndNameSet", """
						variant: flatcar
						version: 1.0.0
						storage:
						  files:
						    - path: /etc/a
						      overwrite: true
						      user:
						        id: 0
						        name: root
						      group:
						        id: 0
						        name: root
						""", List.of(finding("/storage/files/0/overwrite",
						"true needs contents (inline or source) to write: set contents, or leave overwrite out"),
						finding("/storage/files/0/user", "sets both id and name: give one"),
						finding("/storage/files/0/group", "sets both id and name: give one"))),
				argumentSet(
						"ignition ErrCompressionInvalid, ErrVerificationAndNilSource, ErrHashUnrecognized, ErrHashWrongSize, ErrHashMalformed",
						"""
								variant: flatcar
								version: 1.0.0
								storage:
								  files:
								    - path: /etc/a
								      contents:
								        inline: x
								        compression: xz
								    - path: /etc/b
								      contents:
								        verification:
								          hash: md5-00
								    - path: /etc/c
								      contents:
								        source: https://example.com/c
								        verification:
								          hash: sha256-00
								    - path: /etc/d
								      append:
								        - source: https://example.com/d
								          verification:
								            hash: nodash
								""",
						List.of(finding("/storage/files/0/contents/compression",
								"must be gzip, for contents that are gzip-compressed, or left out"),
								finding("/storage/files/1/contents/verification/hash",
										"has no contents to check: set inline or source, or remove the verification"),
								finding("/storage/files/1/contents/verification/hash",
										"must use sha512 or sha256, the hash functions Ignition knows"),
								finding("/storage/files/2/contents/verification/hash",
										"has the wrong length: a sha256 digest is 64 hex digits, a sha512 digest 128"),
								finding("/storage/files/3/append/0/verification/hash",
										"must be the hash function, a dash and the hex digest: sha512-<128 hex digits> or sha256-<64 hex digits>"))),
				argumentSet("ignition ErrInvalidScheme, and arn only from spec 3.4.0", """
						variant: flatcar
						version: 1.0.0
						storage:
						  files:
						    - path: /etc/a
						      contents:
						        source: ftp://example.com/a
						    - path: /etc/b
						      contents:
						        source: example.com/b
						    - path: /etc/c
						      contents:
						        source: arn:aws:s3:::bucket/key
						""", List.of(
						finding("/storage/files/0/contents/source",
								"must be a URL with a scheme Ignition fetches: http, https, tftp, s3, gs or data"),
						finding("/storage/files/1/contents/source",
								"must be a URL with a scheme: http, https, tftp, s3, gs or data"),
						finding("/storage/files/2/contents/source",
								"must be a URL with a scheme Butane flatcar 1.0.0 knows: http, https, tftp, s3, gs or data; S3 ARNs need version 1.1.0"))),
				argumentSet("ignition: an S3 ARN source is valid in spec 3.4.0, a non-S3 one is not", """
						variant: flatcar
						version: 1.1.0
						storage:
						  files:
						    - path: /etc/a
						      contents:
						        source: arn:aws:s3:::bucket/key
						    - path: /etc/b
						      contents:
						        source: arn:aws:sns:us-east-1:123456789012:topic
						""",
						List.of(finding("/storage/files/1/contents/source",
								"must be an S3 object ARN (arn:aws:s3:::bucket/key) or access point ARN"))),
				argumentSet(
						"ignition ErrUnsupportedSchemeForHTTPHeaders, ErrEmptyHTTPHeaderName, ErrInvalidHTTPHeader, ErrDuplicate",
						"""
								variant: flatcar
								version: 1.0.0
								storage:
								  files:
								    - path: /etc/a
								      contents:
								        inline: x
								        http_headers:
								          - name: A
								            value: b
								    - path: /etc/b
								      contents:
								        source: https://example.com/b
								        http_headers:
								          - name: ""
								            value: b
								          - name: X
								            value: ""
								          - name: X
								            value: c
								""",
						List.of(finding("/storage/files/0/contents/http_headers",
								"are only sent when fetching an http or https source: remove them or fetch from http(s)"),
								finding("/storage/files/1/contents/http_headers/0/name", "is required"),
								finding("/storage/files/1/contents/http_headers/1/value",
										"must not be empty: give a value or leave it out"),
								finding("/storage/files/1/contents/http_headers/2",
										"repeats the name of an earlier header: give each header once"))),
				argumentSet("ignition ErrSourceRequired for configs to merge and CA bundles, ErrDuplicate for merge",
						"""
								variant: flatcar
								version: 1.0.0
								ignition:
								  config:
								    merge:
								      - source: https://example.com/a.ign
								      - source: https://example.com/a.ign
								      - compression: gzip
								  security:
								    tls:
								      certificate_authorities:
								        - compression: gzip
								""",
						List.of(finding("/ignition/config/merge/2", "needs contents: set inline or source"),
								finding("/ignition/config/merge/1",
										"repeats an earlier config: merge each config once"),
								finding("/ignition/security/tls/certificate_authorities/0",
										"needs contents: set inline or source"))),
				argumentSet("butane ValidateIgnitionConfig: inline configs must be Ignition JSON of the spec's version",
						"""
								variant: flatcar
								version: 1.0.0
								ignition:
								  config:
								    replace:
								      inline: "not json"
								    merge:
								      - inline: '{"ignition":{"version":"3.2.0"}}'
								      - inline: '{"ignition":{"version":"3.3.0"}}'
								""",
						List.of(finding("/ignition/config/merge/0/inline",
								"must be an Ignition config of version 3.3.0, the version of this Butane spec: butane cannot check another version"),
								finding("/ignition/config/replace/inline",
										"must be an Ignition config: a JSON object with ignition.version"))),
				argumentSet("ignition ErrInvalidProxy and ErrInsecureProxy (a warning)", """
						variant: flatcar
						version: 1.0.0
						ignition:
						  proxy:
						    http_proxy: socks5://proxy:1080
						    https_proxy: http://proxy:3128
						    no_proxy: [a, a]
						""", List.of(finding("/ignition/proxy/http_proxy", "must be an http or https URL"), finding(
						"/ignition/proxy/https_proxy",
						"is a plain http proxy for https fetches, which Ignition warns about: use an https proxy URL"),
						finding("/ignition/proxy/no_proxy/1", "repeats an earlier entry: give each once"))),
				argumentSet("ignition ErrInvalidSystemdExt and ErrInvalidSystemdDropinExt", """
						variant: flatcar
						version: 1.0.0
						systemd:
						  units:
						    - name: kubelet
						      dropins:
						        - name: 10-a.service
						          contents: "[Service]\\n"
						""", List.of(finding("/systemd/units/0/name",
						"must end in a unit type: .service, .socket, .device, .mount, .automount, .swap, .target, .path, .timer, .snapshot, .slice or .scope"),
						finding("/systemd/units/0/dropins/0/name",
								"must end in .conf: systemd reads no other drop-in"))),
				argumentSet("ignition NewNoInstallSectionError (a warning): an enabled unit without [Install]", """
						variant: flatcar
						version: 1.0.0
						systemd:
						  units:
						    - name: a.service
						      enabled: true
						      contents: "[Service]\\nExecStart=/bin/true\\n"
						    - name: b.service
						      enabled: false
						      contents: "[Service]\\nExecStart=/bin/true\\n"
						""", List.of(finding("/systemd/units/0/contents",
						"has no [Install] section, so enabled does nothing: add one (e.g. WantedBy=multi-user.target) or leave enabled out"))),
				argumentSet("ignition NewNoInstallSectionForInstantiableUnitError (a warning)", """
						variant: flatcar
						version: 1.0.0
						systemd:
						  units:
						    - name: a@.service
						      contents: "[Service]\\nExecStart=/bin/echo %i\\n"
						    - name: a@x.service
						      enabled: true
						""", List.of(finding("/systemd/units/1/contents",
						"is an enabled instance of a template unit without an [Install] section, so enabled does nothing: add [Install] to the template"))),
				argumentSet("ignition: unit contents go-systemd cannot parse", """
						variant: flatcar
						version: 1.0.0
						systemd:
						  units:
						    - name: a.service
						      contents: "[Service\\n"
						    - name: b.service
						      contents: "[Service] x\\n"
						    - name: c.service
						      contents: "[Service]\\nExecStart\\n"
						    - name: d.service
						      dropins:
						        - name: a.conf
						          contents: "[Service]\\nNice"
						""", List.of(
						finding("/systemd/units/0/contents",
								"cannot be read as a unit file: a section header has no closing ]"),
						finding("/systemd/units/1/contents",
								"cannot be read as a unit file: a section header is followed by more text on its line"),
						finding("/systemd/units/2/contents",
								"cannot be read as a unit file: a line is neither a [Section] header, a comment nor a Name=value setting"),
						finding("/systemd/units/3/dropins/0/contents",
								"cannot be read as a unit file: a setting has no = and no value"))),
				argumentSet("ignition: a continued value and text before the first section parse",
						"""
								variant: flatcar
								version: 1.0.0
								systemd:
								  units:
								    - name: a.service
								      enabled: true
								      contents: "preamble\\n[Service]\\nExecStart=/bin/sh -c \\\\\\n  true\\n[Install]\\nWantedBy=multi-user.target\\n"
								""",
						List.of()),
				argumentSet("ignition ErrDuplicate: units by name, drop-ins by name", """
						variant: flatcar
						version: 1.0.0
						systemd:
						  units:
						    - name: a.service
						      dropins:
						        - name: a.conf
						          contents: "[Service]\\n"
						        - name: a.conf
						          contents: "[Service]\\n"
						    - name: a.service
						      mask: true
						""", List.of(
						finding("/systemd/units/0/dropins/1",
								"repeats the name of an earlier drop-in of this unit: define each drop-in once"),
						finding("/systemd/units/1",
								"repeats the name of an earlier unit: define each unit once, with all its drop-ins"))),
				argumentSet("ignition ErrPathConflictsSystemd: a file where a unit or drop-in is written", """
						variant: flatcar
						version: 1.0.0
						storage:
						  files:
						    - path: /etc/systemd/system/a.service
						    - path: /etc/systemd/system/a.service.d/a.conf
						    - path: /etc/systemd/system/var-lib-x.mount
						  filesystems:
						    - device: /dev/sdb
						      format: ext4
						      path: /var/lib/x
						      with_mount_unit: true
						systemd:
						  units:
						    - name: a.service
						      contents: "[Service]\\n"
						      dropins:
						        - name: a.conf
						          contents: "[Service]\\n"
						""", List.of(finding("/storage/files/0/path",
						"is where a unit or drop-in of this config is written: define it under systemd instead, or choose another path"),
						finding("/storage/files/1/path",
								"is where a unit or drop-in of this config is written: define it under systemd instead, or choose another path"),
						finding("/storage/files/2/path",
								"is where a unit or drop-in of this config is written: define it under systemd instead, or choose another path"))),
				argumentSet(
						"butane TestTranslateMountUnit 'overridden mount unit': its contents need [Install], as the unit stays enabled",
						"""
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
								      contents: "[Mount]\\nWhat=/dev/disk/by-label/foo\\n"
								""",
						List.of(finding("/systemd/units/0/contents",
								"has no [Install] section, so enabled does nothing: add one (e.g. WantedBy=multi-user.target) or leave enabled out"))),
				argumentSet("butane ErrMountUnitNoFormat and ErrMountUnitNoPath", """
						variant: flatcar
						version: 1.0.0
						storage:
						  filesystems:
						    - device: /dev/sdb
						      with_mount_unit: true
						    - device: /dev/sdc
						      format: ext4
						      with_mount_unit: true
						    - device: /dev/sdd
						      format: swap
						      with_mount_unit: true
						""",
						List.of(finding("/storage/filesystems/0/format", "is required when with_mount_unit is true"),
								finding("/storage/filesystems/1/path",
										"is required when with_mount_unit is true and format is not swap"))),
				argumentSet("Stoker: a with_mount_unit value that would add a line to the unit", """
						variant: flatcar
						version: 1.0.0
						storage:
						  filesystems:
						    - device: "/dev/sdb\\nExecStart=/bin/sh"
						      format: ext4
						      path: "/var/lib/x\\\\"
						      mount_options: ["ro\\n[Service]", "a,b"]
						      with_mount_unit: true
						""", List.of(finding("/storage/filesystems/0/device",
						"cannot hold a line break, a control character or a final backslash when with_mount_unit is true: it would add a line to the mount unit"),
						finding("/storage/filesystems/0/path",
								"cannot hold a line break, a control character or a final backslash when with_mount_unit is true: it would add a line to the mount unit"),
						finding("/storage/filesystems/0/mount_options/0",
								"cannot hold a line break, a control character or a final backslash when with_mount_unit is true: it would add a line to the mount unit"),
						finding("/storage/filesystems/0/mount_options/1",
								"cannot hold a comma when with_mount_unit is true: the unit joins options with commas; give each option as its own entry"))),
				argumentSet(
						"ignition ErrFilesystemInvalidFormat, ErrFormatNilWithOthers, ErrLabelNeedsFormat, label lengths",
						"""
								variant: flatcar
								version: 1.0.0
								storage:
								  filesystems:
								    - device: /dev/sdb
								      format: ntfs
								    - device: /dev/sdc
								      path: /var/lib/c
								      label: c
								    - device: /dev/sdd
								      format: xfs
								      label: thirteen-char
								    - device: /dev/sde
								      format: vfat
								      label: ELEVENCHARS
								""",
						List.of(finding("/storage/filesystems/0/format",
								"must be ext4, btrfs, xfs, swap, vfat or none"),
								finding("/storage/filesystems/1/format",
										"is required when path, label, uuid, wipe_filesystem, options or mount_options is set: ext4, btrfs, xfs, swap, vfat or none"),
								finding("/storage/filesystems/1/label",
										"needs a format: a label is written when the filesystem is made"),
								finding("/storage/filesystems/2/label",
										"is too long for this format: ext4 takes 16 characters, xfs 12, swap 15, vfat 11 and btrfs 256"))),
				argumentSet(
						"ignition ErrPartitionsOverwritten and ErrFilesystemImplicitWipe (warnings), ErrDuplicate for filesystems",
						"""
								variant: flatcar
								version: 1.0.0
								storage:
								  disks:
								    - device: /dev/sdb
								      partitions:
								        - number: 1
								    - device: /dev/sdc
								      wipe_table: true
								  filesystems:
								    - device: /dev/sdb
								      format: ext4
								    - device: /dev/sdc
								      format: ext4
								    - device: /dev/sdc
								      format: ext4
								      wipe_filesystem: true
								""",
						List.of(finding("/storage/filesystems/0/device",
								"is a disk this config partitions: the filesystem would overwrite the partitions; use a partition's device"),
								finding("/storage/filesystems/1/device",
										"is a disk whose partition table this config wipes, which wipes the filesystem too: set wipe_filesystem to true"),
								finding("/storage/filesystems/2",
										"repeats the device of an earlier filesystem: define each filesystem once"))),
				argumentSet(
						"ignition Disk: ErrDiskDeviceRequired, ErrPartitionNumbersCollide, ErrDuplicateLabels, ErrPartitionsOverlap, ErrDuplicate",
						"""
								variant: flatcar
								version: 1.0.0
								storage:
								  disks:
								    - device: ""
								    - device: /dev/sdb
								      partitions:
								        - number: 1
								          label: a
								          start_mib: 1
								          size_mib: 100
								        - number: 1
								          label: a
								        - number: 2
								          start_mib: 50
								          size_mib: 100
								    - device: /dev/sdb
								""",
						List.of(finding("/storage/disks/0/device",
								"is required: the disk's device path, such as /dev/disk/by-id/..."),
								finding("/storage/disks/1/partitions/1",
										"has the number of an earlier partition: number each once"),
								finding("/storage/disks/1/partitions/1",
										"has the label of an earlier partition: label each once"),
								finding("/storage/disks/1/partitions/2",
										"overlaps another partition: change start_mib or size_mib so that they do not share space"),
								finding("/storage/disks/2",
										"repeats the device of an earlier disk: define each disk once"))),
				argumentSet(
						"ignition Partition: ErrNeedLabelOrNumber, ErrShouldNotExistWithOthers, ErrZeroesWithShouldNotExist, label and GUID rules",
						"""
								variant: flatcar
								version: 1.0.0
								storage:
								  disks:
								    - device: /dev/sdb
								      partitions:
								        - size_mib: 10
								        - number: 2
								          should_exist: false
								          label: gone
								        - label: "a:b"
								          guid: not-a-guid
								          type_guid: 0FC63DAF-8483-4772-8E79-3D69D8477DE4
								        - label: a-label-of-thirty-seven-characters-xx
								""",
						List.of(finding("/storage/disks/0/partitions/0",
								"needs a number of 1 or more, or a label, to say which partition it is"),
								finding("/storage/disks/0/partitions/1",
										"should_exist false deletes the partition: it cannot go with label, type_guid, guid, start_mib or size_mib"),
								finding("/storage/disks/0/partitions/2/label",
										"cannot hold a colon: sgdisk would cut the label there"),
								finding("/storage/disks/0/partitions/2/guid",
										"must be a GUID of the form 01234567-89AB-CDEF-EDCB-A98765432101"),
								finding("/storage/disks/0/partitions/3/label",
										"is longer than the 36 characters a GPT partition name holds"),
								finding("/storage/disks/0/partitions",
										"mixes a partition that must not exist with one of number 0: give every partition its number"))),
				argumentSet(
						"ignition Raid: ErrRaidLevelRequired, ErrUnrecognizedRaidLevel, ErrSparesUnsupportedForLevel, ErrRaidDevicesRequired",
						"""
								variant: flatcar
								version: 1.0.0
								storage:
								  raid:
								    - name: a
								      devices: [/dev/sdb]
								    - name: b
								      level: raid7
								      devices: [/dev/sdb]
								    - name: c
								      level: raid0
								      spares: 1
								      devices: [/dev/sdb, dev/sdc, /dev/sdb]
								    - name: d
								      level: raid1
								""",
						List.of(finding("/storage/raid/0/level",
								"is required: linear, raid0, raid1, raid4, raid5, raid6 or raid10"),
								finding("/storage/raid/1/level",
										"must be linear, raid0, raid1, raid4, raid5, raid6 or raid10"),
								finding("/storage/raid/2/level",
										"cannot have spares for a linear or raid0 array: remove spares or choose another level"),
								finding("/storage/raid/2/devices/1", "must be an absolute path, starting with /"),
								finding("/storage/raid/2/devices/2", "repeats an earlier device: give each once"),
								finding("/storage/raid/3/devices", "needs at least one device"))),
				argumentSet(
						"ignition Luks: ErrLuksNameContainsSlash, ErrLuksLabelTooLong, ErrDiskDeviceRequired, key file URL, ErrDuplicate",
						"""
								variant: flatcar
								version: 1.1.0
								storage:
								  luks:
								    - name: a/b
								      label: a-label-that-is-longer-than-forty-seven-characters
								    - name: c
								      device: /dev/sdb
								      key_file:
								        source: ftp://example.com/key
								      open_options: [--allow-discards, --allow-discards]
								    - name: c
								      device: /dev/sdc
								""",
						List.of(finding("/storage/luks/0/name",
								"cannot hold a slash: it names the device /dev/mapper/<name>"),
								finding("/storage/luks/0/label",
										"is longer than the 47 characters a LUKS2 label holds"),
								finding("/storage/luks/0/device", "is required: the device to encrypt"),
								finding("/storage/luks/1/key_file/source",
										"must be a URL with a scheme Ignition fetches: http, https, tftp, s3, arn (an S3 ARN), gs or data"),
								finding("/storage/luks/1/open_options/1", "repeats an earlier option: give each once"),
								finding("/storage/luks/2",
										"repeats the name of an earlier LUKS volume: define each volume once"))),
				argumentSet("Stoker: LUKS discard and open_options are spec 1.1.0's", """
						variant: flatcar
						version: 1.0.0
						storage:
						  luks:
						    - name: c
						      device: /dev/sdb
						      discard: true
						      open_options: [--allow-discards]
						""",
						List.of(finding("/storage/luks/0/discard",
								"is a field of Butane flatcar 1.1.0: set version 1.1.0 or remove it"),
								finding("/storage/luks/0/open_options",
										"is a field of Butane flatcar 1.1.0: set version 1.1.0 or remove it"))),
				argumentSet(
						"ignition Storage: ErrFileUsedSymlink, ErrDirectoryUsedSymlink, ErrLinkUsedSymlink, ErrHardLinkToDirectory, ErrHardLinkSpecifiesOwner (a warning)",
						"""
								variant: flatcar
								version: 1.0.0
								storage:
								  directories:
								    - path: /etc/l/d
								    - path: /opt/d
								  files:
								    - path: /etc/l/f
								  links:
								    - path: /etc/l
								      target: /opt
								    - path: /etc/l/m
								      target: /opt
								    - path: /etc/h
								      target: /opt/d
								      hard: true
								      user:
								        id: 0
								      group:
								        name: root
								""",
						List.of(finding("/storage/links/2",
								"is a hard link to a directory this config creates: a directory cannot be hard-linked"),
								finding("/storage/links/2/user/id",
										"is ignored for a hard link, which shares its target's owner: remove it"),
								finding("/storage/links/2/group/name",
										"is ignored for a hard link, which shares its target's owner: remove it"),
								finding("/storage/directories/0",
										"is under a link this config creates: Ignition does not write through links; use the link's target path"),
								finding("/storage/files/0",
										"is under a link this config creates: Ignition does not write through links; use the link's target path"),
								finding("/storage/links/1",
										"is under a link this config creates: Ignition does not write through links; use the link's target path"))),
				argumentSet("ignition ErrDuplicate: users, groups, keys, supplementary groups and kernel arguments", """
						variant: flatcar
						version: 1.0.0
						passwd:
						  users:
						    - name: core
						      ssh_authorized_keys: [ssh-ed25519 AAAA, ssh-ed25519 AAAA]
						      groups: [docker, docker]
						    - name: core
						  groups:
						    - name: ops
						    - name: ops
						kernel_arguments:
						  should_exist: [a, a]
						  should_not_exist: [b, b]
						""", List.of(
						finding("/kernel_arguments/should_exist/1", "repeats an earlier argument: give each once"),
						finding("/kernel_arguments/should_not_exist/1", "repeats an earlier argument: give each once"),
						finding("/passwd/users/1", "repeats the name of an earlier user: define each user once"),
						finding("/passwd/groups/1", "repeats the name of an earlier group: define each group once"),
						finding("/passwd/users/0/ssh_authorized_keys/1", "repeats an earlier key: give each key once"),
						finding("/passwd/users/0/groups/1", "repeats an earlier group: give each group once"))),
				argumentSet("variant and version must be Stoker's", """
						variant: flatcar
						version: 2.0.0
						""", List.of(finding("/version", "must be 1.0.0 (Ignition 3.3.0) or 1.1.0 (Ignition 3.4.0)"))),
				argumentSet("a config with every section right draws nothing",
						"""
								variant: flatcar
								version: 1.1.0
								ignition:
								  config:
								    merge:
								      - source: https://example.com/a.ign
								        verification:
								          hash: sha512-00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff
								  proxy:
								    https_proxy: https://proxy:3128
								kernel_arguments:
								  should_exist: [console=ttyS0]
								storage:
								  disks:
								    - device: /dev/sdb
								      wipe_table: true
								      partitions:
								        - label: data
								          number: 1
								  luks:
								    - name: data
								      device: /dev/disk/by-partlabel/data
								      discard: true
								  filesystems:
								    - device: /dev/mapper/data
								      format: ext4
								      path: /var/lib/data
								      with_mount_unit: true
								  files:
								    - path: /etc/a
								      mode: 420
								      contents:
								        inline: a
								      overwrite: true
								systemd:
								  units:
								    - name: var-lib-data.mount
								      dropins:
								        - name: 10-a.conf
								          contents: "[Unit]\\nBefore=kubelet.service\\n"
								""",
						List.of()));
	}

	@Test
	void aNodeConfigIsClean() {
		assertThat(ButaneLint.check(ButaneExamples.node("1.0.0"))).isEmpty();
		assertThat(ButaneLint.check(ButaneExamples.node("1.1.0"))).isEmpty();
	}

	@Test
	void theExampleWithEveryOptionDrawsOnlyTheHardLinkOwnerWarning() {
		// every option at once includes owners on a hard link, which current Ignition
		// (its Storage.validateLinks) warns about
		String ignored = "is ignored for a hard link, which shares its target's owner: remove it";

		assertThat(ButaneLint.check(ButaneExamples.everything())).containsExactly(
				finding("/storage/links/0/user/name", ignored), finding("/storage/links/0/group/name", ignored));
	}

	private static Finding finding(String pointer, String message) {
		return new Finding(pointer, message);
	}

}

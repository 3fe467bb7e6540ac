package dev.stoker.butane;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.stoker.butane.ButaneConfig.Disk;
import dev.stoker.butane.ButaneConfig.Filesystem;
import dev.stoker.butane.ButaneConfig.Luks;
import dev.stoker.butane.ButaneConfig.Partition;
import dev.stoker.butane.ButaneConfig.Raid;
import dev.stoker.butane.ButaneConfig.Storage;

/**
 * Disks and partitions, RAID, LUKS and filesystems: Ignition's {@code Disk},
 * {@code Partition}, {@code Raid}, {@code Luks}, {@code Filesystem} and
 * {@code Storage.validateFilesystems} checks, and butane's {@code Filesystem.Validate}
 * for {@code with_mount_unit}.
 */
final class DiskLint {

	private static final Pattern GUID = Pattern
		.compile("^(|\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12})$");

	private static final Set<String> FORMATS = Set.of("ext4", "btrfs", "xfs", "swap", "vfat", "none");

	private static final Map<String, Integer> LABEL_LIMITS = Map.of("ext4", 16, "btrfs", 256, "xfs", 12, "swap", 15,
			"vfat", 11);

	private static final Set<String> RAID_LEVELS = Set.of("linear", "raid0", "0", "stripe", "raid1", "1", "mirror",
			"raid4", "4", "raid5", "5", "raid6", "6", "raid10", "10");

	private DiskLint() {
	}

	static void check(Storage storage, boolean spec110, Findings findings) {
		List<Disk> disks = Findings.orEmpty(storage.disks());
		for (int i = 0; i < disks.size(); i++) {
			disk("/storage/disks/" + i, disks.get(i), findings);
		}
		findings.duplicates("/storage/disks", disks, Disk::device,
				"repeats the device of an earlier disk: define each disk once");
		List<Raid> raids = Findings.orEmpty(storage.raid());
		for (int i = 0; i < raids.size(); i++) {
			raid("/storage/raid/" + i, raids.get(i), findings);
		}
		findings.duplicates("/storage/raid", raids, Raid::name,
				"repeats the name of an earlier array: define each array once");
		List<Luks> volumes = Findings.orEmpty(storage.luks());
		for (int i = 0; i < volumes.size(); i++) {
			luks("/storage/luks/" + i, volumes.get(i), spec110, findings);
		}
		findings.duplicates("/storage/luks", volumes, Luks::name,
				"repeats the name of an earlier LUKS volume: define each volume once");
		List<Filesystem> filesystems = Findings.orEmpty(storage.filesystems());
		Map<String, Disk> disksByDevice = new HashMap<>();
		disks.forEach((disk) -> disksByDevice.putIfAbsent(disk.device(), disk));
		Map<String, Integer> mountUnits = new HashMap<>();
		for (int i = 0; i < filesystems.size(); i++) {
			Filesystem filesystem = filesystems.get(i);
			String at = "/storage/filesystems/" + i;
			filesystem(at, filesystem, findings);
			onDisk(at, filesystem, disksByDevice.get(filesystem.device()), findings);
			String unit = filesystem.mountUnitName();
			if (unit != null && mountUnits.putIfAbsent(unit, i) != null) {
				findings.add(at + ("swap".equals(filesystem.format()) ? "/device" : "/path"),
						"gets the same mount unit as an earlier filesystem with_mount_unit: mount each path once");
			}
		}
		findings.duplicates("/storage/filesystems", filesystems, Filesystem::device,
				"repeats the device of an earlier filesystem: define each filesystem once");
	}

	private static void disk(String at, Disk disk, Findings findings) {
		if (Findings.isEmpty(disk.device())) {
			findings.add(at + "/device", "is required: the disk's device path, such as /dev/disk/by-id/...");
		}
		else {
			Paths.check(at + "/device", disk.device(), true, findings);
		}
		List<Partition> partitions = Findings.orEmpty(disk.partitions());
		for (int j = 0; j < partitions.size(); j++) {
			partition(at + "/partitions/" + j, partitions.get(j), findings);
		}
		// Disk.partitionNumbersCollide: the second partition with a number reports
		Map<Integer, Integer> numbers = new HashMap<>();
		Map<String, Integer> labels = new HashMap<>();
		boolean hasZero = false;
		boolean hasShouldNotExist = false;
		for (int j = 0; j < partitions.size(); j++) {
			Partition partition = partitions.get(j);
			int number = number(partition);
			if (number != 0 && numbers.putIfAbsent(number, j) != null) {
				findings.add(at + "/partitions/" + j, "has the number of an earlier partition: number each once");
			}
			if (partition.label() != null && labels.putIfAbsent(partition.label(), j) != null) {
				findings.add(at + "/partitions/" + j, "has the label of an earlier partition: label each once");
			}
			hasZero |= number == 0;
			hasShouldNotExist |= Boolean.FALSE.equals(partition.shouldExist());
		}
		int overlapping = overlapping(partitions);
		if (overlapping >= 0) {
			findings.add(at + "/partitions/" + overlapping,
					"overlaps another partition: change start_mib or size_mib so that they do not share space");
		}
		if (hasZero && hasShouldNotExist) {
			findings.add(at + "/partitions",
					"mixes a partition that must not exist with one of number 0: give every partition its number");
		}
	}

	private static int number(Partition partition) {
		return (partition.number() != null) ? partition.number() : 0;
	}

	private static void partition(String at, Partition partition, Findings findings) {
		if (Boolean.FALSE.equals(partition.shouldExist()) && (partition.label() != null
				|| !Findings.isEmpty(partition.typeGuid()) || !Findings.isEmpty(partition.guid())
				|| partition.startMib() != null || partition.sizeMib() != null)) {
			findings.add(at,
					"should_exist false deletes the partition: it cannot go with label, type_guid, guid, start_mib or size_mib");
		}
		if (number(partition) == 0 && partition.label() == null) {
			findings.add(at, "needs a number of 1 or more, or a label, to say which partition it is");
		}
		if (partition.label() != null) {
			if (partition.label().getBytes(StandardCharsets.UTF_8).length > 36) {
				findings.add(at + "/label", "is longer than the 36 characters a GPT partition name holds");
			}
			else if (partition.label().contains(":")) {
				findings.add(at + "/label", "cannot hold a colon: sgdisk would cut the label there");
			}
		}
		guid(at + "/guid", partition.guid(), findings);
		guid(at + "/type_guid", partition.typeGuid(), findings);
	}

	private static void guid(String pointer, String guid, Findings findings) {
		if (guid != null && !GUID.matcher(guid).matches()) {
			findings.add(pointer, "must be a GUID of the form 01234567-89AB-CDEF-EDCB-A98765432101");
		}
	}

	/**
	 * Disk.partitionsOverlap: among partitions with an explicit, non-zero start and a
	 * size (0 meaning "to the end"), the index of the one another overlaps, or -1.
	 */
	private static int overlapping(List<Partition> partitions) {
		for (Partition p : partitions) {
			if (!placed(p)) {
				continue;
			}
			for (int i = 0; i < partitions.size(); i++) {
				Partition o = partitions.get(i);
				if (!placed(o) || o.equals(p)) {
					continue;
				}
				int pStart = p.startMib();
				int oStart = o.startMib();
				if ((pStart >= oStart && pStart <= end(o)) || (end(p) >= oStart && end(p) <= end(o))
						|| (pStart < oStart && end(p) > end(o))) {
					return i;
				}
			}
		}
		return -1;
	}

	private static boolean placed(Partition partition) {
		return partition.startMib() != null && partition.sizeMib() != null && partition.startMib() != 0;
	}

	private static int end(Partition partition) {
		return (partition.sizeMib() == 0) ? partition.startMib() : partition.startMib() + partition.sizeMib() - 1;
	}

	private static void raid(String at, Raid raid, Findings findings) {
		if (Findings.isEmpty(raid.name())) {
			findings.add(at + "/name", "is required: the array becomes /dev/md/<name>");
		}
		if (Findings.isEmpty(raid.level())) {
			findings.add(at + "/level", "is required: linear, raid0, raid1, raid4, raid5, raid6 or raid10");
		}
		else if (!RAID_LEVELS.contains(raid.level())) {
			findings.add(at + "/level", "must be linear, raid0, raid1, raid4, raid5, raid6 or raid10");
		}
		else if (Set.of("linear", "raid0", "0", "stripe").contains(raid.level()) && raid.spares() != null
				&& raid.spares() != 0) {
			findings.add(at + "/level",
					"cannot have spares for a linear or raid0 array: remove spares or choose another level");
		}
		List<String> devices = Findings.orEmpty(raid.devices());
		if (devices.isEmpty()) {
			findings.add(at + "/devices", "needs at least one device");
		}
		for (int j = 0; j < devices.size(); j++) {
			Paths.check(at + "/devices/" + j, devices.get(j), true, findings);
		}
		findings.duplicates(at + "/devices", devices, (d) -> d, "repeats an earlier device: give each once");
	}

	private static void luks(String at, Luks luks, boolean spec110, Findings findings) {
		if (Findings.isEmpty(luks.name())) {
			findings.add(at + "/name", "is required: the volume opens as /dev/mapper/<name>");
		}
		else if (luks.name().contains("/")) {
			findings.add(at + "/name", "cannot hold a slash: it names the device /dev/mapper/<name>");
		}
		if (luks.label() != null && luks.label().getBytes(StandardCharsets.UTF_8).length > 47) {
			findings.add(at + "/label", "is longer than the 47 characters a LUKS2 label holds");
		}
		if (Findings.isEmpty(luks.device())) {
			findings.add(at + "/device", "is required: the device to encrypt");
		}
		else {
			Paths.check(at + "/device", luks.device(), true, findings);
		}
		if (luks.keyFile() != null) {
			Resources.check(at + "/key_file", luks.keyFile(), spec110, false, findings);
		}
		if (!spec110) {
			String onlyIn110 = "is a field of Butane flatcar 1.1.0: set version 1.1.0 or remove it";
			if (luks.discard() != null) {
				findings.add(at + "/discard", onlyIn110);
			}
			if (luks.openOptions() != null) {
				findings.add(at + "/open_options", onlyIn110);
			}
		}
		else {
			// options are exempt from Ignition's duplicate check, open options are not
			findings.duplicates(at + "/open_options", luks.openOptions(), (o) -> o,
					"repeats an earlier option: give each once");
		}
	}

	private static void filesystem(String at, Filesystem fs, Findings findings) {
		Paths.check(at + "/path", fs.path(), false, findings);
		Paths.check(at + "/device", fs.device(), true, findings);
		if (Findings.isEmpty(fs.format())) {
			if (!Findings.isEmpty(fs.path()) || !Findings.isEmpty(fs.label()) || !Findings.isEmpty(fs.uuid())
					|| Boolean.TRUE.equals(fs.wipeFilesystem()) || !Findings.orEmpty(fs.mountOptions()).isEmpty()
					|| !Findings.orEmpty(fs.options()).isEmpty()) {
				findings.add(at + "/format",
						"is required when path, label, uuid, wipe_filesystem, options or mount_options is set: ext4, btrfs, xfs, swap, vfat or none");
			}
		}
		else if (!FORMATS.contains(fs.format())) {
			findings.add(at + "/format", "must be ext4, btrfs, xfs, swap, vfat or none");
		}
		if (!Findings.isEmpty(fs.label())) {
			if (Findings.isEmpty(fs.format())) {
				findings.add(at + "/label", "needs a format: a label is written when the filesystem is made");
			}
			else {
				Integer limit = LABEL_LIMITS.get(fs.format());
				if (limit != null && fs.label().getBytes(StandardCharsets.UTF_8).length > limit) {
					findings.add(at + "/label", "is too long for this format: ext4 takes 16 characters, xfs 12, "
							+ "swap 15, vfat 11 and btrfs 256");
				}
			}
		}
		if (Boolean.TRUE.equals(fs.withMountUnit())) {
			mountUnit(at, fs, findings);
		}
	}

	/**
	 * Butane's {@code Filesystem.Validate}, and Stoker's own rule that a value of the
	 * mount unit butane writes from a template stays on its line.
	 */
	private static void mountUnit(String at, Filesystem fs, Findings findings) {
		if (Findings.isEmpty(fs.format())) {
			findings.add(at + "/format", "is required when with_mount_unit is true");
		}
		else if (!"swap".equals(fs.format()) && Findings.isEmpty(fs.path())) {
			findings.add(at + "/path", "is required when with_mount_unit is true and format is not swap");
		}
		String oneLine = "cannot hold a line break, a control character or a final backslash when with_mount_unit is true: it would add a line to the mount unit";
		if (!ButaneLint.fitsOnOneUnitLine(fs.device())) {
			findings.add(at + "/device", oneLine);
		}
		if (!ButaneLint.fitsOnOneUnitLine(fs.path())) {
			findings.add(at + "/path", oneLine);
		}
		if (!ButaneLint.fitsOnOneUnitLine(fs.format())) {
			findings.add(at + "/format", oneLine);
		}
		List<String> options = Findings.orEmpty(fs.mountOptions());
		for (int j = 0; j < options.size(); j++) {
			String option = options.get(j);
			if (!ButaneLint.fitsOnOneUnitLine(option)) {
				findings.add(at + "/mount_options/" + j, oneLine);
			}
			else if (option != null && option.contains(",")) {
				findings.add(at + "/mount_options/" + j,
						"cannot hold a comma when with_mount_unit is true: the unit joins options with commas; give each option as its own entry");
			}
		}
	}

	/** Storage.validateFilesystems: two warnings about a filesystem on a whole disk. */
	private static void onDisk(String at, Filesystem fs, Disk disk, Findings findings) {
		if (disk == null) {
			return;
		}
		if (!Findings.orEmpty(disk.partitions()).isEmpty()) {
			findings.add(at + "/device",
					"is a disk this config partitions: the filesystem would overwrite the partitions; use a partition's device");
		}
		else if (!Boolean.TRUE.equals(fs.wipeFilesystem()) && Boolean.TRUE.equals(disk.wipeTable())) {
			findings.add(at + "/device",
					"is a disk whose partition table this config wipes, which wipes the filesystem too: set wipe_filesystem to true");
		}
	}

}

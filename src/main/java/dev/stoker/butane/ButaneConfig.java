package dev.stoker.butane;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Butane config for the {@code flatcar} variant: every section of the Flatcar specs
 * 1.0.0 and 1.1.0 (butane's {@code base/v0_4} and {@code base/v0_5} schemas) that a
 * server can express. Field names on the wire are Butane's snake_case ones, in the order
 * of Butane's docs.
 * <p>
 * Every optional field is a reference type and {@code null} means "not written": for
 * Ignition an absent {@code overwrite}, {@code enabled} or {@code mode} is not the same
 * as false or 0 (an absent {@code enabled} leaves the unit as it is, an absent mode keeps
 * an existing file's mode). Local-file options ({@code local}, {@code contents_local},
 * {@code ssh_authorized_keys_local}, {@code trees}) are left out on purpose: a server has
 * no files directory. So is {@code storage.luks.clevis}: butane refuses it for the
 * flatcar variant (its {@code ErrClevisSupport}).
 *
 * @param variant always {@code flatcar}
 * @param version {@code 1.0.0} (Ignition 3.3.0) or {@code 1.1.0} (Ignition 3.4.0)
 */
public record ButaneConfig(String variant, String version, Ignition ignition, Storage storage, Systemd systemd,
		Passwd passwd, @JsonProperty("kernel_arguments") KernelArguments kernelArguments) {

	public ButaneConfig(String variant, String version, Ignition ignition, Storage storage, Systemd systemd,
			Passwd passwd) {
		this(variant, version, ignition, storage, systemd, passwd, null);
	}

	public static final String FLATCAR = "flatcar";

	public static ButaneConfig flatcar(String version, Storage storage, Systemd systemd, Passwd passwd) {
		return new ButaneConfig(FLATCAR, version, null, storage, systemd, passwd);
	}

	public ButaneConfig withVersion(String version) {
		return new ButaneConfig(variant, version, ignition, storage, systemd, passwd, kernelArguments);
	}

	public ButaneConfig withIgnition(Ignition ignition) {
		return new ButaneConfig(variant, version, ignition, storage, systemd, passwd, kernelArguments);
	}

	/**
	 * Metadata about the config itself: where more config comes from and how to fetch.
	 */
	public record Ignition(Config config, Timeouts timeouts, Security security, Proxy proxy) {
	}

	/**
	 * Other configs: {@code merge}d into this one in order, or one that {@code replace}s
	 * it.
	 */
	public record Config(List<Resource> merge, Resource replace) {
	}

	/** HTTP timeouts in seconds; 0 means none. */
	public record Timeouts(@JsonProperty("http_response_headers") Integer httpResponseHeaders,
			@JsonProperty("http_total") Integer httpTotal) {
	}

	public record Security(Tls tls) {
	}

	/** Extra CA bundles (PEM) trusted when fetching over https. */
	public record Tls(@JsonProperty("certificate_authorities") List<Resource> certificateAuthorities) {
	}

	public record Proxy(@JsonProperty("http_proxy") String httpProxy, @JsonProperty("https_proxy") String httpsProxy,
			@JsonProperty("no_proxy") List<String> noProxy) {
	}

	/**
	 * Disks are partitioned first, then raid arrays and LUKS volumes are set up, then
	 * filesystems are created, then files, directories and links are written.
	 */
	public record Storage(List<Disk> disks, List<Raid> raid, List<Filesystem> filesystems, List<File> files,
			List<Directory> directories, List<Link> links, List<Luks> luks) {

		/** Files, directories and links only: what Stoker itself writes. */
		public Storage(List<File> files, List<Directory> directories, List<Link> links) {
			this(null, null, null, files, directories, links, null);
		}

	}

	/** A disk to partition, by its device path. */
	public record Disk(String device, @JsonProperty("wipe_table") Boolean wipeTable, List<Partition> partitions) {
	}

	/**
	 * A partition; {@code number} 0 means the next free one. Sizes and starts are in MiB,
	 * 0 meaning "as large as possible" or "the default".
	 */
	public record Partition(String label, Integer number, @JsonProperty("size_mib") Integer sizeMib,
			@JsonProperty("start_mib") Integer startMib, @JsonProperty("type_guid") String typeGuid, String guid,
			@JsonProperty("wipe_partition_entry") Boolean wipePartitionEntry,
			@JsonProperty("should_exist") Boolean shouldExist, Boolean resize) {
	}

	/** A software RAID array, {@code /dev/md/<name>}. */
	public record Raid(String name, String level, List<String> devices, Integer spares, List<String> options) {
	}

	/**
	 * A filesystem. {@code with_mount_unit} is Butane's own: the transpiler writes a
	 * mount unit for {@code path} instead of passing the field on.
	 */
	public record Filesystem(String device, String format, String path,
			@JsonProperty("wipe_filesystem") Boolean wipeFilesystem, String label, String uuid, List<String> options,
			@JsonProperty("mount_options") List<String> mountOptions,
			@JsonProperty("with_mount_unit") Boolean withMountUnit) {

		/**
		 * The name of the unit butane writes for this filesystem, or {@code null} when it
		 * writes none.
		 */
		public String mountUnitName() {
			return UnitNames.mountUnit(this);
		}

	}

	/**
	 * A LUKS volume, {@code /dev/disk/by-id/dm-name-<name>}. {@code discard} and
	 * {@code open_options} are spec 1.1.0's.
	 */
	public record Luks(String name, String device, @JsonProperty("key_file") Resource keyFile, String label,
			String uuid, List<String> options, @JsonProperty("wipe_volume") Boolean wipeVolume, Boolean discard,
			@JsonProperty("open_options") List<String> openOptions) {
	}

	/** Kernel arguments that must be present, or absent, on the booted system. */
	public record KernelArguments(@JsonProperty("should_exist") List<String> shouldExist,
			@JsonProperty("should_not_exist") List<String> shouldNotExist) {
	}

	/**
	 * A regular file.
	 *
	 * @param mode permission bits as a number (0600 is 384); Butane's docs write it in
	 * octal
	 */
	public record File(String path, Boolean overwrite, Resource contents, List<Resource> append, Integer mode,
			Owner user, Owner group) {
	}

	/** A directory; {@code mode} as for {@link File}. */
	public record Directory(String path, Boolean overwrite, Integer mode, Owner user, Owner group) {
	}

	/** A symbolic link, or a hard link when {@code hard} is true. */
	public record Link(String path, String target, Boolean hard, Boolean overwrite, Owner user, Owner group) {
	}

	/** The owner (user or group) of a file, directory or link: by id or by name. */
	public record Owner(Integer id, String name) {

		public static Owner named(String name) {
			return new Owner(null, name);
		}

		public static Owner withId(int id) {
			return new Owner(id, null);
		}

	}

	/**
	 * Contents of a file, an appended fragment, a config or a CA bundle: either
	 * {@code inline} text or a {@code source} URL, never both.
	 *
	 * @param compression {@code gzip} when the source is compressed; {@code null} when
	 * not
	 * @param verification hash of the (decompressed) contents
	 * @param httpHeaders sent when fetching an http(s) source
	 */
	public record Resource(String inline, String source, String compression, Verification verification,
			@JsonProperty("http_headers") List<HttpHeader> httpHeaders) {

		public Resource {
			if (inline != null && source != null) {
				throw new IllegalArgumentException("a resource has inline contents or a source, not both");
			}
		}

		public static Resource inline(String text) {
			return new Resource(text, null, null, null, null);
		}

		public static Resource source(String url) {
			return new Resource(null, url, null, null, null);
		}

	}

	/** {@code sha512-<hex>} or {@code sha256-<hex>}. */
	public record Verification(String hash) {
	}

	public record HttpHeader(String name, String value) {
	}

	public record Systemd(List<Unit> units) {
	}

	/**
	 * A systemd unit. {@code enabled} only has an effect when the unit has an [Install]
	 * section (Ignition warns otherwise); {@code null} leaves the unit as it is.
	 */
	public record Unit(String name, Boolean enabled, Boolean mask, String contents, List<Dropin> dropins) {
	}

	/** A drop-in for a unit; the name ends in {@code .conf}. */
	public record Dropin(String name, String contents) {
	}

	public record Passwd(List<User> users, List<Group> groups) {
	}

	/**
	 * An account. The keys land in {@code ~/.ssh/authorized_keys.d/ignition}.
	 */
	public record User(String name, @JsonProperty("password_hash") String passwordHash,
			@JsonProperty("ssh_authorized_keys") List<String> sshAuthorizedKeys, Integer uid, String gecos,
			@JsonProperty("home_dir") String homeDir, @JsonProperty("no_create_home") Boolean noCreateHome,
			@JsonProperty("primary_group") String primaryGroup, List<String> groups,
			@JsonProperty("no_user_group") Boolean noUserGroup, @JsonProperty("no_log_init") Boolean noLogInit,
			String shell, @JsonProperty("should_exist") Boolean shouldExist, Boolean system) {

		/** An account with login keys and supplementary groups, nothing else set. */
		public static User withKeys(String name, List<String> sshAuthorizedKeys, List<String> groups) {
			return new User(name, null, sshAuthorizedKeys, null, null, null, null, null, groups, null, null, null, null,
					null);
		}

	}

	public record Group(String name, Integer gid, @JsonProperty("password_hash") String passwordHash,
			@JsonProperty("should_exist") Boolean shouldExist, Boolean system) {
	}

}

package dev.stoker.ignition;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An Ignition config, spec 3.3.0 or 3.4.0: every section a flatcar Butane config can
 * produce (Ignition's {@code config/v3_3/types} and {@code config/v3_4/types}). The two
 * specs differ here only in LUKS's {@code discard} and {@code openOptions}, which are
 * 3.4.0's, and in {@code ignition.version}. Clevis is left out: butane refuses it for the
 * flatcar variant.
 * <p>
 * Names are the spec's camelCase ones. Fields are declared in the order of Ignition's own
 * Go types, which is the order {@code butane} writes them, so our output and Butane's can
 * be compared line by line. {@code null} means absent and is left out.
 */
public record IgnitionConfig(Ignition ignition, KernelArguments kernelArguments, Passwd passwd, Storage storage,
		Systemd systemd) {

	public IgnitionConfig(Ignition ignition, Passwd passwd, Storage storage, Systemd systemd) {
		this(ignition, null, passwd, storage, systemd);
	}

	/** Metadata about the config itself. */
	public record Ignition(ConfigReferences config, Proxy proxy, Security security, Timeouts timeouts, String version) {
	}

	public record ConfigReferences(List<Resource> merge, Resource replace) {
	}

	public record Proxy(String httpProxy, String httpsProxy, List<String> noProxy) {
	}

	public record Security(Tls tls) {
	}

	public record Tls(List<Resource> certificateAuthorities) {
	}

	public record Timeouts(Integer httpResponseHeaders, Integer httpTotal) {
	}

	/**
	 * Where contents come from: a URL (for inline contents a data URL), how they are
	 * compressed, and how to fetch and check them.
	 *
	 * @param compression {@code gzip}, or {@code ""} stating "not compressed" so that a
	 * merged child config cannot inherit a parent's setting
	 */
	public record Resource(String compression, List<HttpHeader> httpHeaders, String source, Verification verification) {
	}

	public record HttpHeader(String name, String value) {
	}

	public record Verification(String hash) {
	}

	public record KernelArguments(List<String> shouldExist, List<String> shouldNotExist) {
	}

	public record Storage(List<Directory> directories, List<Disk> disks, List<File> files, List<Filesystem> filesystems,
			List<Link> links, List<Luks> luks, List<Raid> raid) {

		public Storage(List<Directory> directories, List<File> files, List<Link> links) {
			this(directories, null, files, null, links, null, null);
		}

	}

	public record Disk(String device, List<Partition> partitions, Boolean wipeTable) {
	}

	/**
	 * A partition; {@code number} is left out when 0 (the next free one), as Go's
	 * omitempty does.
	 */
	public record Partition(String guid, String label, Integer number, Boolean resize, Boolean shouldExist,
			@JsonProperty("sizeMiB") Integer sizeMiB, @JsonProperty("startMiB") Integer startMiB, String typeGuid,
			Boolean wipePartitionEntry) {
	}

	public record Raid(List<String> devices, String level, String name, List<String> options, Integer spares) {
	}

	public record Filesystem(String device, String format, String label, List<String> mountOptions,
			List<String> options, String path, String uuid, Boolean wipeFilesystem) {
	}

	/** A LUKS volume; {@code discard} and {@code openOptions} are spec 3.4.0's. */
	public record Luks(String device, Boolean discard, Resource keyFile, String label, String name,
			List<String> openOptions, List<String> options, String uuid, Boolean wipeVolume) {
	}

	/** A regular file; {@code mode} is the number (0600 is 384). */
	public record File(Owner group, Boolean overwrite, String path, Owner user, List<Resource> append,
			Resource contents, Integer mode) {
	}

	public record Directory(Owner group, Boolean overwrite, String path, Owner user, Integer mode) {
	}

	public record Link(Owner group, Boolean overwrite, String path, Owner user, Boolean hard, String target) {
	}

	/** The owning user or group, by id or by name. */
	public record Owner(Integer id, String name) {
	}

	public record Systemd(List<Unit> units) {
	}

	public record Unit(String contents, List<Dropin> dropins, Boolean enabled, Boolean mask, String name) {
	}

	public record Dropin(String contents, String name) {
	}

	public record Passwd(List<Group> groups, List<User> users) {
	}

	public record User(String gecos, List<String> groups, String homeDir, String name, Boolean noCreateHome,
			Boolean noLogInit, Boolean noUserGroup, String passwordHash, String primaryGroup,
			List<String> sshAuthorizedKeys, String shell, Boolean shouldExist, Boolean system, Integer uid) {
	}

	public record Group(Integer gid, String name, String passwordHash, Boolean shouldExist, Boolean system) {
	}

}

package dev.stoker.ignition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.ignition.IgnitionConfig.ConfigReferences;
import dev.stoker.ignition.IgnitionConfig.Directory;
import dev.stoker.ignition.IgnitionConfig.Disk;
import dev.stoker.ignition.IgnitionConfig.Dropin;
import dev.stoker.ignition.IgnitionConfig.File;
import dev.stoker.ignition.IgnitionConfig.Filesystem;
import dev.stoker.ignition.IgnitionConfig.Group;
import dev.stoker.ignition.IgnitionConfig.HttpHeader;
import dev.stoker.ignition.IgnitionConfig.Ignition;
import dev.stoker.ignition.IgnitionConfig.KernelArguments;
import dev.stoker.ignition.IgnitionConfig.Link;
import dev.stoker.ignition.IgnitionConfig.Luks;
import dev.stoker.ignition.IgnitionConfig.Owner;
import dev.stoker.ignition.IgnitionConfig.Partition;
import dev.stoker.ignition.IgnitionConfig.Passwd;
import dev.stoker.ignition.IgnitionConfig.Proxy;
import dev.stoker.ignition.IgnitionConfig.Raid;
import dev.stoker.ignition.IgnitionConfig.Resource;
import dev.stoker.ignition.IgnitionConfig.Security;
import dev.stoker.ignition.IgnitionConfig.Storage;
import dev.stoker.ignition.IgnitionConfig.Systemd;
import dev.stoker.ignition.IgnitionConfig.Timeouts;
import dev.stoker.ignition.IgnitionConfig.Tls;
import dev.stoker.ignition.IgnitionConfig.Unit;
import dev.stoker.ignition.IgnitionConfig.User;
import dev.stoker.ignition.IgnitionConfig.Verification;

/**
 * Stoker's own Butane to Ignition transpiler for the flatcar variant: 1.0.0 gives
 * Ignition 3.3.0, 1.1.0 gives 3.4.0. It does what {@code butane} does (its
 * {@code base/v0_4} and {@code base/v0_5} {@code translate.go}): fields map one to one,
 * inline contents (of files, appended fragments, configs, CA bundles and LUKS key files)
 * become data URLs (see {@link DataUrl}), a partition number of 0 is left out, what is
 * empty (an empty list, an owner with neither id nor name) is left out, and a filesystem
 * {@code with_mount_unit} gets its mount or swap unit ({@link MountUnit}).
 * <p>
 * It validates only what it must to write a faithful document: a spec 1.1.0 field under
 * 1.0.0, or a mount unit whose fields would not stay on their own line, is refused with
 * an {@link IllegalArgumentException} rather than dropped or written wrong. Everything
 * else butane would report is {@code dev.stoker.butane.ButaneLint}'s; the output is held
 * to {@code ignition-validate} by the tests.
 */
public final class ButaneTranspiler {

	private static final Map<String, String> IGNITION_VERSIONS = Map.of("1.0.0", "3.3.0", "1.1.0", "3.4.0");

	private ButaneTranspiler() {
	}

	public static IgnitionConfig transpile(ButaneConfig butane) {
		if (!ButaneConfig.FLATCAR.equals(butane.variant())) {
			throw new IllegalArgumentException(
					"Butane variant '" + butane.variant() + "' is not supported; only 'flatcar' is");
		}
		String version = IGNITION_VERSIONS.get(butane.version());
		if (version == null) {
			throw new IllegalArgumentException("Butane flatcar version '" + butane.version()
					+ "' is not supported; use 1.0.0 (Ignition 3.3.0) or 1.1.0 (Ignition 3.4.0)");
		}
		boolean spec34 = "1.1.0".equals(butane.version());
		Storage storage = storage(butane.storage(), spec34);
		List<Unit> mountUnits = MountUnit.units(butane.storage());
		return new IgnitionConfig(ignition(butane.ignition(), version), kernelArguments(butane.kernelArguments()),
				passwd(butane.passwd()), storage, systemd(mountUnits, butane.systemd()));
	}

	private static KernelArguments kernelArguments(ButaneConfig.KernelArguments from) {
		return (from != null) ? nullIfEmpty(new KernelArguments(list(from.shouldExist()), list(from.shouldNotExist())))
				: null;
	}

	private static Ignition ignition(ButaneConfig.Ignition from, String version) {
		if (from == null) {
			return new Ignition(null, null, null, null, version);
		}
		return new Ignition(config(from.config()), proxy(from.proxy()), security(from.security()),
				timeouts(from.timeouts()), version);
	}

	private static ConfigReferences config(ButaneConfig.Config from) {
		if (from == null) {
			return null;
		}
		return nullIfEmpty(
				new ConfigReferences(list(from.merge(), ButaneTranspiler::resource), resource(from.replace())));
	}

	private static Proxy proxy(ButaneConfig.Proxy from) {
		return (from != null) ? nullIfEmpty(new Proxy(from.httpProxy(), from.httpsProxy(), list(from.noProxy())))
				: null;
	}

	private static Security security(ButaneConfig.Security from) {
		if (from == null || from.tls() == null) {
			return null;
		}
		List<Resource> authorities = list(from.tls().certificateAuthorities(), ButaneTranspiler::resource);
		return (authorities != null) ? new Security(new Tls(authorities)) : null;
	}

	private static Timeouts timeouts(ButaneConfig.Timeouts from) {
		return (from != null) ? nullIfEmpty(new Timeouts(from.httpResponseHeaders(), from.httpTotal())) : null;
	}

	private static Storage storage(ButaneConfig.Storage from, boolean spec34) {
		if (from == null) {
			return null;
		}
		return nullIfEmpty(new Storage(list(from.directories(), ButaneTranspiler::directory),
				list(from.disks(), ButaneTranspiler::disk), list(from.files(), ButaneTranspiler::file),
				list(from.filesystems(), ButaneTranspiler::filesystem), list(from.links(), ButaneTranspiler::link),
				list(from.luks(), (luks) -> luks(luks, spec34)), list(from.raid(), ButaneTranspiler::raid)));
	}

	private static Disk disk(ButaneConfig.Disk from) {
		return new Disk(from.device(), list(from.partitions(), ButaneTranspiler::partition), from.wipeTable());
	}

	private static Partition partition(ButaneConfig.Partition from) {
		// Go's int with omitempty: 0, "the next free number", is not written
		Integer number = (from.number() != null && from.number() != 0) ? from.number() : null;
		return new Partition(from.guid(), from.label(), number, from.resize(), from.shouldExist(), from.sizeMib(),
				from.startMib(), from.typeGuid(), from.wipePartitionEntry());
	}

	private static Raid raid(ButaneConfig.Raid from) {
		return new Raid(list(from.devices()), from.level(), from.name(), list(from.options()), from.spares());
	}

	private static Filesystem filesystem(ButaneConfig.Filesystem from) {
		return new Filesystem(from.device(), from.format(), from.label(), list(from.mountOptions()),
				list(from.options()), from.path(), from.uuid(), from.wipeFilesystem());
	}

	private static Luks luks(ButaneConfig.Luks from, boolean spec34) {
		if (!spec34 && (from.discard() != null || from.openOptions() != null)) {
			throw new IllegalArgumentException("LUKS discard and open_options need Butane flatcar 1.1.0");
		}
		return new Luks(from.device(), from.discard(), resource(from.keyFile()), from.label(), from.name(),
				list(from.openOptions()), list(from.options()), from.uuid(), from.wipeVolume());
	}

	private static File file(ButaneConfig.File from) {
		return new File(owner(from.group()), from.overwrite(), from.path(), owner(from.user()),
				list(from.append(), ButaneTranspiler::resource), resource(from.contents()), from.mode());
	}

	private static Directory directory(ButaneConfig.Directory from) {
		return new Directory(owner(from.group()), from.overwrite(), from.path(), owner(from.user()), from.mode());
	}

	private static Link link(ButaneConfig.Link from) {
		return new Link(owner(from.group()), from.overwrite(), from.path(), owner(from.user()), from.hard(),
				from.target());
	}

	private static Owner owner(ButaneConfig.Owner from) {
		return (from != null) ? nullIfEmpty(new Owner(from.id(), from.name())) : null;
	}

	private static Resource resource(ButaneConfig.Resource from) {
		if (from == null) {
			return null;
		}
		String source = from.source();
		String compression = from.compression();
		if (from.inline() != null) {
			DataUrl.Encoded encoded = DataUrl.encode(from.inline().getBytes(StandardCharsets.UTF_8), compression);
			source = encoded.source();
			compression = encoded.compression();
		}
		Verification verification = (from.verification() != null && from.verification().hash() != null)
				? new Verification(from.verification().hash()) : null;
		return nullIfEmpty(new Resource(compression,
				list(from.httpHeaders(), (header) -> new HttpHeader(header.name(), header.value())), source,
				verification));
	}

	/**
	 * Butane merges the config of its generated mount units (the parent) with the user's
	 * (the child) as Ignition merges configs: generated units come first, and a user's
	 * unit of the same name is merged into the generated one (its fields win, its
	 * drop-ins are merged by name) instead of being listed twice.
	 */
	private static Systemd systemd(List<Unit> generated, ButaneConfig.Systemd from) {
		List<Unit> units = new ArrayList<>(generated);
		List<Unit> own = (from != null) ? list(from.units(), ButaneTranspiler::unit) : null;
		for (Unit unit : (own != null) ? own : List.<Unit>of()) {
			int same = indexOf(units, unit.name(), generated.size());
			if (same >= 0) {
				units.set(same, merge(units.get(same), unit));
			}
			else {
				units.add(unit);
			}
		}
		return units.isEmpty() ? null : new Systemd(units);
	}

	private static int indexOf(List<Unit> units, String name, int within) {
		for (int i = 0; i < within; i++) {
			if (Objects.equals(units.get(i).name(), name)) {
				return i;
			}
		}
		return -1;
	}

	private static Unit merge(Unit parent, Unit child) {
		List<Dropin> dropins = new ArrayList<>((parent.dropins() != null) ? parent.dropins() : List.of());
		for (Dropin dropin : (child.dropins() != null) ? child.dropins() : List.<Dropin>of()) {
			int same = -1;
			for (int i = 0; i < dropins.size(); i++) {
				if (Objects.equals(dropins.get(i).name(), dropin.name())) {
					same = i;
				}
			}
			if (same >= 0) {
				dropins.set(same, new Dropin(or(dropin.contents(), dropins.get(same).contents()), dropin.name()));
			}
			else {
				dropins.add(dropin);
			}
		}
		return new Unit(or(child.contents(), parent.contents()), dropins.isEmpty() ? null : dropins,
				or(child.enabled(), parent.enabled()), or(child.mask(), parent.mask()), parent.name());
	}

	private static <T> T or(T child, T parent) {
		return (child != null) ? child : parent;
	}

	private static Unit unit(ButaneConfig.Unit from) {
		return new Unit(from.contents(), list(from.dropins(), (dropin) -> new Dropin(dropin.contents(), dropin.name())),
				from.enabled(), from.mask(), from.name());
	}

	private static Passwd passwd(ButaneConfig.Passwd from) {
		if (from == null) {
			return null;
		}
		return nullIfEmpty(
				new Passwd(list(from.groups(), ButaneTranspiler::group), list(from.users(), ButaneTranspiler::user)));
	}

	private static User user(ButaneConfig.User from) {
		return new User(from.gecos(), list(from.groups()), from.homeDir(), from.name(), from.noCreateHome(),
				from.noLogInit(), from.noUserGroup(), from.passwordHash(), from.primaryGroup(),
				list(from.sshAuthorizedKeys()), from.shell(), from.shouldExist(), from.system(), from.uid());
	}

	private static Group group(ButaneConfig.Group from) {
		return new Group(from.gid(), from.name(), from.passwordHash(), from.shouldExist(), from.system());
	}

	private static <T> List<T> list(List<T> from) {
		return list(from, Function.identity());
	}

	private static <A, B> List<B> list(List<A> from, Function<A, B> map) {
		return (from == null || from.isEmpty()) ? null : from.stream().map(map).toList();
	}

	/** A record whose every component is null stands for an absent object. */
	private static <R extends Record> R nullIfEmpty(R value) {
		for (var component : value.getClass().getRecordComponents()) {
			try {
				if (component.getAccessor().invoke(value) != null) {
					return value;
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return null;
	}

}

package dev.stoker.render.snippets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneConfig.Config;
import dev.stoker.butane.ButaneConfig.Directory;
import dev.stoker.butane.ButaneConfig.Dropin;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Filesystem;
import dev.stoker.butane.ButaneConfig.Group;
import dev.stoker.butane.ButaneConfig.Ignition;
import dev.stoker.butane.ButaneConfig.KernelArguments;
import dev.stoker.butane.ButaneConfig.Link;
import dev.stoker.butane.ButaneConfig.Passwd;
import dev.stoker.butane.ButaneConfig.Proxy;
import dev.stoker.butane.ButaneConfig.Resource;
import dev.stoker.butane.ButaneConfig.Security;
import dev.stoker.butane.ButaneConfig.Storage;
import dev.stoker.butane.ButaneConfig.Systemd;
import dev.stoker.butane.ButaneConfig.Timeouts;
import dev.stoker.butane.ButaneConfig.Tls;
import dev.stoker.butane.ButaneConfig.Unit;
import dev.stoker.butane.ButaneConfig.User;

/**
 * Merges a node's snippets into the config Stoker renders for it.
 * <p>
 * Entries are keyed: files, directories and links by path (one namespace, as on the
 * disk), units by name, drop-ins by unit and name, users and groups by name, disks and
 * filesystems by device, raid arrays and LUKS volumes by name, kernel arguments by
 * argument. Levels come from the least specific (the cluster) to the most (a static
 * node): an entry of a more specific level replaces the entry of the same key a less
 * specific level wrote, in its place; two snippets of one level may not write the same
 * key. Stoker's entries come first, then the snippets' in the order the definition has
 * them, so the same definition always gives the same bytes.
 * <p>
 * Stoker's entries are not the snippets': a path, unit or drop-in Stoker writes, a path
 * in a directory it owns, a mount that would hide one, or a setting of Stoker's login
 * user other than more SSH keys is refused. So is {@code ignition.config.replace}, which
 * would replace Stoker's whole config. Lists of the ignition section ({@code merge},
 * certificate authorities, {@code no_proxy}) are appended; its scalars (timeouts,
 * proxies) are keys like any other.
 * <p>
 * A refused entry is left out of the result, so a config stored before Stoker wrote an
 * entry still boots with Stoker's; validation refuses every definition that has one.
 */
public final class SnippetMerge {

	private SnippetMerge() {
	}

	/**
	 * @param levels the cluster's snippets, then the group's, then the static node's
	 */
	public static Merged merge(ButaneConfig stoker, StokerEntries owned, List<List<PlacedSnippet>> levels) {
		if (levels.stream().allMatch(List::isEmpty)) {
			return new Merged(stoker, List.of());
		}
		Merger merger = new Merger(stoker, owned);
		for (int level = 0; level < levels.size(); level++) {
			for (PlacedSnippet snippet : levels.get(level)) {
				merger.add(level, snippet);
			}
		}
		return new Merged(merger.result(), List.copyOf(merger.refusals));
	}

	/** The merged config, and what could not be merged. */
	public record Merged(ButaneConfig config, List<Refusal> refusals) {
	}

	/** An entry in place: which level wrote it and where; level -1 is Stoker's. */
	private record Slot<T>(T value, int level, String pointer) {

		boolean isStokers() {
			return level < 0;
		}

	}

	/** The units of one name: its own settings, and its drop-ins by name. */
	private static final class UnitSlot {

		Slot<Unit> settings;

		final Map<String, Slot<Dropin>> dropins = new LinkedHashMap<>();

	}

	private static final class Merger {

		private final ButaneConfig stoker;

		private final StokerEntries owned;

		final List<Refusal> refusals = new ArrayList<>();

		private final Map<String, Slot<Object>> paths = new LinkedHashMap<>();

		private final Map<String, Slot<ButaneConfig.Disk>> disks = new LinkedHashMap<>();

		private final Map<String, Slot<ButaneConfig.Raid>> raid = new LinkedHashMap<>();

		private final Map<String, Slot<Filesystem>> filesystems = new LinkedHashMap<>();

		private final Map<String, Slot<ButaneConfig.Luks>> luks = new LinkedHashMap<>();

		private final Map<String, UnitSlot> units = new LinkedHashMap<>();

		private final Map<String, Slot<User>> users = new LinkedHashMap<>();

		private final Map<String, Slot<Group>> groups = new LinkedHashMap<>();

		private final Map<String, Slot<Boolean>> kernelArguments = new LinkedHashMap<>();

		private final Map<String, Slot<Object>> ignitionScalars = new LinkedHashMap<>();

		private final List<Resource> configMerge = new ArrayList<>();

		private final List<Resource> certificateAuthorities = new ArrayList<>();

		private final LinkedHashSet<String> noProxy = new LinkedHashSet<>();

		private final List<String> loginKeys = new ArrayList<>();

		Merger(ButaneConfig stoker, StokerEntries owned) {
			this.stoker = stoker;
			this.owned = owned;
			Storage storage = stoker.storage();
			if (storage != null) {
				each(storage.files(), (file) -> paths.put(Paths.clean(file.path()), new Slot<>(file, -1, "")));
				each(storage.directories(), (dir) -> paths.put(Paths.clean(dir.path()), new Slot<>(dir, -1, "")));
				each(storage.links(), (link) -> paths.put(Paths.clean(link.path()), new Slot<>(link, -1, "")));
				each(storage.disks(), (disk) -> disks.put(disk.device(), new Slot<>(disk, -1, "")));
				each(storage.raid(), (array) -> raid.put(array.name(), new Slot<>(array, -1, "")));
				each(storage.filesystems(), (fs) -> filesystems.put(fs.device(), new Slot<>(fs, -1, "")));
				each(storage.luks(), (volume) -> luks.put(volume.name(), new Slot<>(volume, -1, "")));
			}
			if (stoker.systemd() != null) {
				each(stoker.systemd().units(), (unit) -> {
					UnitSlot slot = units.computeIfAbsent(unit.name(), (name) -> new UnitSlot());
					slot.settings = new Slot<>(
							new Unit(unit.name(), unit.enabled(), unit.mask(), unit.contents(), null), -1, "");
					each(unit.dropins(), (dropin) -> slot.dropins.put(dropin.name(), new Slot<>(dropin, -1, "")));
				});
			}
			if (stoker.passwd() != null) {
				each(stoker.passwd().users(), (user) -> users.put(user.name(), new Slot<>(user, -1, "")));
				each(stoker.passwd().groups(), (group) -> groups.put(group.name(), new Slot<>(group, -1, "")));
			}
		}

		void add(int level, PlacedSnippet snippet) {
			String at = snippet.pointer();
			ButaneConfig config = snippet.config();
			if (config.storage() != null) {
				storage(level, at + "/storage", config.storage());
			}
			if (config.systemd() != null) {
				list(config.systemd().units(), at + "/systemd/units", (unit, p) -> unit(level, p, unit));
			}
			if (config.passwd() != null) {
				list(config.passwd().users(), at + "/passwd/users", (user, p) -> user(level, p, user));
				list(config.passwd().groups(), at + "/passwd/groups", (group, p) -> keyed(groups,
						"group " + group.name(), group.name(), group, level, p + "/name", p));
			}
			if (config.kernelArguments() != null) {
				KernelArguments args = config.kernelArguments();
				list(args.shouldExist(), at + "/kernel_arguments/should_exist",
						(arg, p) -> kernelArgument(level, p, arg, true));
				list(args.shouldNotExist(), at + "/kernel_arguments/should_not_exist",
						(arg, p) -> kernelArgument(level, p, arg, false));
			}
			if (config.ignition() != null) {
				ignition(level, at + "/ignition", config.ignition());
			}
		}

		private void storage(int level, String at, Storage storage) {
			list(storage.files(), at + "/files", (file, p) -> path(level, p, file.path(), file));
			list(storage.directories(), at + "/directories", (dir, p) -> path(level, p, dir.path(), dir));
			list(storage.links(), at + "/links", (link, p) -> path(level, p, link.path(), link));
			list(storage.disks(), at + "/disks",
					(disk, p) -> keyed(disks, "disk " + disk.device(), disk.device(), disk, level, p + "/device", p));
			list(storage.raid(), at + "/raid",
					(array, p) -> keyed(raid, "raid " + array.name(), array.name(), array, level, p + "/name", p));
			list(storage.filesystems(), at + "/filesystems", (fs, p) -> {
				Optional<String> hidden = Optional.ofNullable(fs.path()).flatMap(owned::mountOwner);
				if (hidden.isPresent()) {
					refuse(p + "/path", hidden.get());
				}
				else {
					keyed(filesystems, "filesystem " + fs.device(), fs.device(), fs, level, p + "/device", p);
				}
			});
			list(storage.luks(), at + "/luks",
					(volume, p) -> keyed(luks, "luks " + volume.name(), volume.name(), volume, level, p + "/name", p));
		}

		private void path(int level, String at, String path, Object entry) {
			Optional<String> owner = owned.pathOwner(path);
			if (owner.isPresent()) {
				refuse(at + "/path", owner.get());
				return;
			}
			keyed(paths, "path " + Paths.clean(path), Paths.clean(path), entry, level, at + "/path", at);
		}

		private void unit(int level, String at, Unit unit) {
			String name = unit.name();
			Optional<String> whole = owned.wholeUnit(name);
			if (whole.isPresent()) {
				refuse(at + "/name", name + " is written by Stoker (" + whole.get()
						+ "): it may not be changed, nor given drop-ins; name your unit otherwise");
				return;
			}
			UnitSlot slot = units.computeIfAbsent(name, (key) -> new UnitSlot());
			if (unit.contents() != null || unit.enabled() != null || unit.mask() != null) {
				Optional<String> settings = owned.unitSettings(name);
				if (settings.isPresent()) {
					refuse(at + "/name", name + " is set up by Stoker (" + settings.get()
							+ "): only drop-ins may be added to it; leave out contents, enabled and mask");
				}
				else {
					Slot<Unit> before = slot.settings;
					if (before != null && before.level() == level) {
						refuse(at + "/name", sameLevel("unit " + name, before.pointer()));
					}
					else {
						slot.settings = new Slot<>(new Unit(name, unit.enabled(), unit.mask(), unit.contents(), null),
								level, at);
					}
				}
			}
			list(unit.dropins(), at + "/dropins", (dropin, p) -> {
				Optional<String> owner = owned.dropin(name, dropin.name());
				if (owner.isPresent()) {
					refuse(p + "/name", "the " + StokerEntries.dropinKey(name, dropin.name())
							+ " is written by Stoker (" + owner.get() + "); name your drop-in otherwise");
				}
				else {
					keyed(slot.dropins, StokerEntries.dropinKey(name, dropin.name()), dropin.name(), dropin, level,
							p + "/name", p);
				}
			});
		}

		private void user(int level, String at, User user) {
			if (owned.isLoginUser(user.name())) {
				User keysOnly = User.withKeys(user.name(), user.sshAuthorizedKeys(), null);
				if (!keysOnly.equals(user)) {
					refuse(at, user.name() + " is the login user Stoker writes (ssh.user): a snippet may only add "
							+ "ssh_authorized_keys to it; set the rest on another user");
				}
				else if (user.sshAuthorizedKeys() != null) {
					loginKeys.addAll(user.sshAuthorizedKeys());
				}
				return;
			}
			keyed(users, "user " + user.name(), user.name(), user, level, at + "/name", at);
		}

		private void kernelArgument(int level, String at, String arg, boolean present) {
			Slot<Boolean> before = kernelArguments.get(arg);
			if (before != null && before.level() == level && !before.value().equals(present)) {
				refuse(at,
						"kernel argument " + arg + " is already in "
								+ (before.value() ? "should_exist" : "should_not_exist") + " at " + before.pointer()
								+ ", a snippet of the same level; keep it in one list");
				return;
			}
			if (before == null || before.level() != level) {
				kernelArguments.put(arg, new Slot<>(present, level, at));
			}
		}

		private void ignition(int level, String at, Ignition ignition) {
			Config config = ignition.config();
			if (config != null) {
				if (config.replace() != null) {
					refuse(at + "/config/replace", "would replace the whole config Stoker renders, and the node would "
							+ "never join its cluster; use merge to add a config instead");
				}
				each(config.merge(), configMerge::add);
			}
			Timeouts timeouts = ignition.timeouts();
			if (timeouts != null) {
				scalar(level, at + "/timeouts/http_response_headers", "ignition.timeouts.http_response_headers",
						timeouts.httpResponseHeaders());
				scalar(level, at + "/timeouts/http_total", "ignition.timeouts.http_total", timeouts.httpTotal());
			}
			Security security = ignition.security();
			if (security != null && security.tls() != null) {
				each(security.tls().certificateAuthorities(), certificateAuthorities::add);
			}
			Proxy proxy = ignition.proxy();
			if (proxy != null) {
				scalar(level, at + "/proxy/http_proxy", "ignition.proxy.http_proxy", proxy.httpProxy());
				scalar(level, at + "/proxy/https_proxy", "ignition.proxy.https_proxy", proxy.httpsProxy());
				each(proxy.noProxy(), noProxy::add);
			}
		}

		private void scalar(int level, String at, String key, Object value) {
			if (value != null) {
				keyed(ignitionScalars, key, key, value, level, at, at);
			}
		}

		/**
		 * Puts an entry under its key: a more specific level's replaces a less specific
		 * one's in place, one of the same level is refused.
		 */
		private <T> void keyed(Map<String, Slot<T>> entries, String what, String key, T value, int level, String at,
				String entry) {
			Slot<T> before = entries.get(key);
			if (before != null && before.isStokers()) {
				refuse(at, what + " is written by Stoker; choose another");
			}
			else if (before != null && before.level() == level) {
				refuse(at, sameLevel(what, before.pointer()));
			}
			else {
				entries.put(key, new Slot<>(value, level, entry));
			}
		}

		private static String sameLevel(String what, String first) {
			return what + " is already defined at " + first
					+ ", a snippet of the same level; define it in one snippet only";
		}

		private void refuse(String pointer, String message) {
			refusals.add(new Refusal(pointer, message));
		}

		ButaneConfig result() {
			Storage storage = new Storage(values(disks), values(raid), values(filesystems), kind(File.class),
					kind(Directory.class), kind(Link.class), values(luks));
			List<Unit> unitList = units.entrySet().stream().map((entry) -> {
				Unit settings = (entry.getValue().settings != null) ? entry.getValue().settings.value()
						: new Unit(entry.getKey(), null, null, null, null);
				return new Unit(entry.getKey(), settings.enabled(), settings.mask(), settings.contents(),
						values(entry.getValue().dropins));
			}).toList();
			List<User> userList = users.values().stream().map(Slot::value).map(this::withLoginKeys).toList();
			return new ButaneConfig(stoker.variant(), stoker.version(), ignitionSection(),
					isEmpty(storage) ? null : storage, unitList.isEmpty() ? null : new Systemd(unitList),
					(userList.isEmpty() && groups.isEmpty()) ? null : new Passwd(orNull(userList), values(groups)),
					kernelArgumentsSection());
		}

		private User withLoginKeys(User user) {
			if (!owned.isLoginUser(user.name()) || loginKeys.isEmpty()) {
				return user;
			}
			LinkedHashSet<String> keys = new LinkedHashSet<>(user.sshAuthorizedKeys());
			keys.addAll(loginKeys);
			return User.withKeys(user.name(), List.copyOf(keys), user.groups());
		}

		private KernelArguments kernelArgumentsSection() {
			List<String> exist = kernelArguments.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().value())
				.map(Map.Entry::getKey)
				.toList();
			List<String> notExist = kernelArguments.entrySet()
				.stream()
				.filter((entry) -> !entry.getValue().value())
				.map(Map.Entry::getKey)
				.toList();
			return (exist.isEmpty() && notExist.isEmpty()) ? null
					: new KernelArguments(orNull(exist), orNull(notExist));
		}

		private Ignition ignitionSection() {
			Config config = configMerge.isEmpty() ? null : new Config(List.copyOf(configMerge), null);
			Integer headers = (Integer) scalarValue("ignition.timeouts.http_response_headers");
			Integer total = (Integer) scalarValue("ignition.timeouts.http_total");
			Timeouts timeouts = (headers == null && total == null) ? null : new Timeouts(headers, total);
			Security security = certificateAuthorities.isEmpty() ? null
					: new Security(new Tls(List.copyOf(certificateAuthorities)));
			String http = (String) scalarValue("ignition.proxy.http_proxy");
			String https = (String) scalarValue("ignition.proxy.https_proxy");
			Proxy proxy = (http == null && https == null && noProxy.isEmpty()) ? null
					: new Proxy(http, https, noProxy.isEmpty() ? null : List.copyOf(noProxy));
			if (config == null && timeouts == null && security == null && proxy == null) {
				return stoker.ignition();
			}
			return new Ignition(config, timeouts, security, proxy);
		}

		private Object scalarValue(String key) {
			Slot<Object> slot = ignitionScalars.get(key);
			return (slot != null) ? slot.value() : null;
		}

		private <T> List<T> kind(Class<T> type) {
			return orNull(paths.values().stream().map(Slot::value).filter(type::isInstance).map(type::cast).toList());
		}

		private static <T> List<T> values(Map<String, Slot<T>> entries) {
			return orNull(entries.values().stream().map(Slot::value).toList());
		}

		private static <T> List<T> orNull(List<T> list) {
			return list.isEmpty() ? null : list;
		}

		private static boolean isEmpty(Storage storage) {
			return Objects.equals(storage, new Storage(null, null, null, null, null, null, null));
		}

		private static <T> void each(List<T> list, Consumer<T> action) {
			if (list != null) {
				list.forEach(action);
			}
		}

		private static <T> void list(List<T> list, String at, BiConsumer<T, String> action) {
			for (int i = 0; list != null && i < list.size(); i++) {
				if (list.get(i) != null) {
					action.accept(list.get(i), at + "/" + i);
				}
			}
		}

	}

}

package dev.stoker.ignition;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.ignition.IgnitionConfig.ConfigReferences;
import dev.stoker.ignition.IgnitionConfig.Directory;
import dev.stoker.ignition.IgnitionConfig.Dropin;
import dev.stoker.ignition.IgnitionConfig.File;
import dev.stoker.ignition.IgnitionConfig.Group;
import dev.stoker.ignition.IgnitionConfig.HttpHeader;
import dev.stoker.ignition.IgnitionConfig.Ignition;
import dev.stoker.ignition.IgnitionConfig.Link;
import dev.stoker.ignition.IgnitionConfig.Owner;
import dev.stoker.ignition.IgnitionConfig.Passwd;
import dev.stoker.ignition.IgnitionConfig.Proxy;
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
 * Ignition 3.3.0, 1.1.0 gives 3.4.0. It does what {@code butane} does for the sections of
 * the model: fields map one to one, inline contents become data URLs (see
 * {@link DataUrl}), and what is empty (an empty list, an owner with neither id nor name)
 * is left out, as Butane leaves it out.
 * <p>
 * It does not validate: the Butane model is built by Stoker's own code from validated
 * definitions, and the output is held to {@code ignition-validate} by the tests.
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
		return new IgnitionConfig(ignition(butane.ignition(), version), passwd(butane.passwd()),
				storage(butane.storage()), systemd(butane.systemd()));
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

	private static Storage storage(ButaneConfig.Storage from) {
		if (from == null) {
			return null;
		}
		return nullIfEmpty(new Storage(list(from.directories(), ButaneTranspiler::directory),
				list(from.files(), ButaneTranspiler::file), list(from.links(), ButaneTranspiler::link)));
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

	private static Systemd systemd(ButaneConfig.Systemd from) {
		if (from == null) {
			return null;
		}
		List<Unit> units = list(from.units(), ButaneTranspiler::unit);
		return (units != null) ? new Systemd(units) : null;
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

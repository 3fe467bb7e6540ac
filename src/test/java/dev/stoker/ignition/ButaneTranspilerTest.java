package dev.stoker.ignition;

import java.util.List;
import java.util.stream.Stream;

import dev.stoker.Golden;
import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneConfig.Config;
import dev.stoker.butane.ButaneConfig.Directory;
import dev.stoker.butane.ButaneConfig.Dropin;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Group;
import dev.stoker.butane.ButaneConfig.HttpHeader;
import dev.stoker.butane.ButaneConfig.Ignition;
import dev.stoker.butane.ButaneConfig.Link;
import dev.stoker.butane.ButaneConfig.Owner;
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
import dev.stoker.butane.ButaneConfig.Verification;
import dev.stoker.butane.ButaneExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** Each Butane section and option alone, and the exact Ignition JSON it becomes. */
class ButaneTranspilerTest {

	private static final String V33 = "{\"ignition\":{\"version\":\"3.3.0\"}";

	@ParameterizedTest(name = "{argumentSetName}")
	@MethodSource({ "versions", "files", "contents", "directoriesAndLinks", "units", "passwd", "ignitionSection" })
	void transpiles(ButaneConfig butane, String expectedJson) {
		assertThat(IgnitionJson.write(ButaneTranspiler.transpile(butane))).isEqualTo(expectedJson);
	}

	static Stream<Arguments> versions() {
		return Stream.of(
				argumentSet("flatcar 1.0.0 gives Ignition 3.3.0 and nothing else when empty",
						ButaneConfig.flatcar("1.0.0", null, null, null), V33 + "}"),
				argumentSet("flatcar 1.1.0 gives Ignition 3.4.0", ButaneConfig.flatcar("1.1.0", null, null, null),
						"{\"ignition\":{\"version\":\"3.4.0\"}}"),
				argumentSet("empty sections and empty lists are left out",
						ButaneConfig
							.flatcar("1.0.0", new Storage(List.of(), List.of(), null), new Systemd(List.of()),
									new Passwd(null, List.of()))
							.withIgnition(new Ignition(new Config(List.of(), null), new Timeouts(null, null),
									new Security(new Tls(List.of())), new Proxy(null, null, List.of()))),
						V33 + "}"));
	}

	static Stream<Arguments> files() {
		return Stream.of(
				argumentSet("a file's mode becomes its decimal number",
						file(new File("/etc/kubeadm.yml", null, null, null, 0600, null, null)),
						V33 + ",\"storage\":{\"files\":[{\"path\":\"/etc/kubeadm.yml\",\"mode\":384}]}}"),
				argumentSet("overwrite is kept, true or false",
						file(new File("/etc/a", false, null, null, null, null, null)),
						V33 + ",\"storage\":{\"files\":[{\"overwrite\":false,\"path\":\"/etc/a\"}]}}"),
				argumentSet("owners go by id or by name",
						file(new File("/etc/a", null, null, null, null, Owner.named("core"), Owner.withId(500))),
						V33 + ",\"storage\":{\"files\":[{\"group\":{\"id\":500},\"path\":\"/etc/a\",\"user\":{\"name\":\"core\"}}]}}"),
				argumentSet("an owner with neither id nor name is left out",
						file(new File("/etc/a", null, null, null, null, new Owner(null, null), null)),
						V33 + ",\"storage\":{\"files\":[{\"path\":\"/etc/a\"}]}}"),
				argumentSet("appended fragments become data URLs like contents",
						file(new File("/etc/a", null, null, List.of(Resource.inline("x=1\n")), null, null, null)),
						V33 + ",\"storage\":{\"files\":[{\"path\":\"/etc/a\",\"append\":[{\"compression\":\"\",\"source\":\"data:,x%3D1%0A\"}]}]}}"));
	}

	static Stream<Arguments> contents() {
		return Stream.of(argumentSet("short text becomes a percent-escaped data URL, explicitly uncompressed",
				contents(Resource.inline("hello, world\n")),
				V33 + ",\"storage\":{\"files\":[{\"path\":\"/f\",\"contents\":{\"compression\":\"\",\"source\":\"data:,hello%2C%20world%0A\"}}]}}"),
				argumentSet("when escaping and base64 are as long, the escaped text is kept",
						contents(Resource.inline("hello world: 100% #1, ok\n")),
						V33 + ",\"storage\":{\"files\":[{\"path\":\"/f\",\"contents\":{\"compression\":\"\",\"source\":\"data:,hello%20world%3A%20100%25%20%231%2C%20ok%0A\"}}]}}"),
				argumentSet("RFC 2396 unreserved characters are not escaped",
						contents(Resource.inline("az-AZ_09.!~*'()")),
						V33 + ",\"storage\":{\"files\":[{\"path\":\"/f\",\"contents\":{\"compression\":\"\",\"source\":\"data:,az-AZ_09.!~*'()\"}}]}}"),
				argumentSet("text that escapes badly becomes base64 when that is shorter",
						contents(Resource.inline("ÄÖÜäöü")),
						V33 + ",\"storage\":{\"files\":[{\"path\":\"/f\",\"contents\":{\"compression\":\"\",\"source\":\"data:;base64,w4TDlsOcw6TDtsO8\"}}]}}"),
				argumentSet("repetitive text becomes gzip and base64 with a fixed header",
						contents(Resource.inline("key = value\n".repeat(200))),
						V33 + ",\"storage\":{\"files\":[{\"path\":\"/f\",\"contents\":{\"compression\":\"gzip\",\"source\":\"data:;base64,H4sIAAAAAAAC/8tOrVSwVShLzClN5coeZY+yR9mj7FH2KHuUPcoeZVPMBgDbbvl2YAkAAA==\"}}]}}"),
				argumentSet("empty text becomes an empty data URL", contents(Resource.inline("")), V33
						+ ",\"storage\":{\"files\":[{\"path\":\"/f\",\"contents\":{\"compression\":\"\",\"source\":\"data:,\"}}]}}"),
				argumentSet("text the user compressed keeps its compression and is encoded, never compressed again",
						contents(new Resource("key = value\n".repeat(20), null, "gzip", null, null)),
						V33 + ",\"storage\":{\"files\":[{\"path\":\"/f\",\"contents\":{\"compression\":\"gzip\",\"source\":\"data:;base64,"
								+ "a2V5ID0gdmFsdWUK".repeat(20) + "\"}}]}}"),
				argumentSet("a source URL passes through with its compression, headers and hash",
						contents(new Resource(null, "https://example.com/kubeadm.tgz", "gzip",
								new Verification("sha512-00ff"),
								List.of(new HttpHeader("Authorization", "Bearer t"), new HttpHeader("X-None", null)))),
						V33 + ",\"storage\":{\"files\":[{\"path\":\"/f\",\"contents\":{\"compression\":\"gzip\",\"httpHeaders\":[{\"name\":\"Authorization\",\"value\":\"Bearer t\"},{\"name\":\"X-None\"}],\"source\":\"https://example.com/kubeadm.tgz\",\"verification\":{\"hash\":\"sha512-00ff\"}}}]}}"),
				argumentSet("a plain source URL gets no compression field",
						contents(Resource.source("https://example.com/a")),
						V33 + ",\"storage\":{\"files\":[{\"path\":\"/f\",\"contents\":{\"source\":\"https://example.com/a\"}}]}}"));
	}

	static Stream<Arguments> directoriesAndLinks() {
		return Stream.of(
				argumentSet("a directory with mode 0755, owner and overwrite",
						ButaneConfig.flatcar("1.0.0", new Storage(null,
								List.of(new Directory("/opt/bin", true, 0755, Owner.named("core"), Owner.withId(0))),
								null), null, null),
						V33 + ",\"storage\":{\"directories\":[{\"group\":{\"id\":0},\"overwrite\":true,\"path\":\"/opt/bin\",\"user\":{\"name\":\"core\"},\"mode\":493}]}}"),
				argumentSet("a symbolic link", link(new Link("/etc/l", "/opt/t", null, true, null, null)), V33
						+ ",\"storage\":{\"links\":[{\"overwrite\":true,\"path\":\"/etc/l\",\"target\":\"/opt/t\"}]}}"),
				argumentSet("a hard link with owners",
						link(new Link("/etc/l", "/opt/t", true, null, Owner.withId(1), Owner.named("g"))),
						V33 + ",\"storage\":{\"links\":[{\"group\":{\"name\":\"g\"},\"path\":\"/etc/l\",\"user\":{\"id\":1},\"hard\":true,\"target\":\"/opt/t\"}]}}"),
				argumentSet("directories, files and links in Ignition's order",
						ButaneConfig.flatcar("1.0.0",
								new Storage(List.of(new File("/f", null, null, null, null, null, null)),
										List.of(new Directory("/d", null, null, null, null)),
										List.of(new Link("/l", "/f", null, null, null, null))),
								null, null),
						V33 + ",\"storage\":{\"directories\":[{\"path\":\"/d\"}],\"files\":[{\"path\":\"/f\"}],\"links\":[{\"path\":\"/l\",\"target\":\"/f\"}]}}"));
	}

	static Stream<Arguments> units() {
		return Stream.of(argumentSet("a unit's contents pass through verbatim, $ and % included",
				unit(new Unit("a.service", true, null, "[Service]\nExecStart=/bin/sh -c 'echo $$HOME %%i'\n", null)),
				V33 + ",\"systemd\":{\"units\":[{\"contents\":\"[Service]\\nExecStart=/bin/sh -c 'echo $$HOME %%i'\\n\",\"enabled\":true,\"name\":\"a.service\"}]}}"),
				argumentSet("a unit disabled", unit(new Unit("a.service", false, null, null, null)),
						V33 + ",\"systemd\":{\"units\":[{\"enabled\":false,\"name\":\"a.service\"}]}}"),
				argumentSet("a masked unit", unit(new Unit("update-engine.service", null, true, null, null)),
						V33 + ",\"systemd\":{\"units\":[{\"mask\":true,\"name\":\"update-engine.service\"}]}}"),
				argumentSet("a drop-in for a unit Flatcar ships",
						unit(new Unit("containerd.service", null, null, null,
								List.of(new Dropin("10-a.conf", "[Service]\nNice=5\n")))),
						V33 + ",\"systemd\":{\"units\":[{\"dropins\":[{\"contents\":\"[Service]\\nNice=5\\n\",\"name\":\"10-a.conf\"}],\"name\":\"containerd.service\"}]}}"));
	}

	static Stream<Arguments> passwd() {
		return Stream.of(
				argumentSet("a user with ssh keys and supplementary groups", passwd(new Passwd(List
					.of(User.withKeys("core", List.of("ssh-ed25519 AAAA a@b", "ssh-rsa BBBB c@d"), List.of("docker"))),
						null)),
						V33 + ",\"passwd\":{\"users\":[{\"groups\":[\"docker\"],\"name\":\"core\",\"sshAuthorizedKeys\":[\"ssh-ed25519 AAAA a@b\",\"ssh-rsa BBBB c@d\"]}]}}"),
				argumentSet("a user with every option",
						passwd(new Passwd(List.of(new User("ops", "$6$x", List.of("k"), 1001, "Op", "/home/ops", true,
								"ops", List.of("wheel"), true, true, "/bin/bash", true, true)), null)),
						V33 + ",\"passwd\":{\"users\":[{\"gecos\":\"Op\",\"groups\":[\"wheel\"],\"homeDir\":\"/home/ops\",\"name\":\"ops\",\"noCreateHome\":true,\"noLogInit\":true,\"noUserGroup\":true,\"passwordHash\":\"$6$x\",\"primaryGroup\":\"ops\",\"sshAuthorizedKeys\":[\"k\"],\"shell\":\"/bin/bash\",\"shouldExist\":true,\"system\":true,\"uid\":1001}]}}"),
				argumentSet("a user that must not exist",
						passwd(new Passwd(List.of(new User("old", null, null, null, null, null, null, null, null, null,
								null, null, false, null)), null)),
						V33 + ",\"passwd\":{\"users\":[{\"name\":\"old\",\"shouldExist\":false}]}}"),
				argumentSet("a group with every option",
						passwd(new Passwd(null, List.of(new Group("ops", 1001, "!", true, false)))),
						V33 + ",\"passwd\":{\"groups\":[{\"gid\":1001,\"name\":\"ops\",\"passwordHash\":\"!\",\"shouldExist\":true,\"system\":false}]}}"));
	}

	static Stream<Arguments> ignitionSection() {
		return Stream.of(
				argumentSet("configs to merge, fetched with a header",
						ignition(new Ignition(
								new Config(
										List.of(new Resource(null, "https://s/a.ign", null, null,
												List.of(new HttpHeader("Authorization", "Bearer t")))),
										null),
								null, null, null)),
						"{\"ignition\":{\"config\":{\"merge\":[{\"httpHeaders\":[{\"name\":\"Authorization\",\"value\":\"Bearer t\"}],\"source\":\"https://s/a.ign\"}]},\"version\":\"3.3.0\"}}"),
				argumentSet("a config that replaces this one, verified",
						ignition(new Ignition(new Config(null,
								new Resource(null, "https://s/b.ign", null, new Verification("sha256-aa"), null)), null,
								null, null)),
						"{\"ignition\":{\"config\":{\"replace\":{\"source\":\"https://s/b.ign\",\"verification\":{\"hash\":\"sha256-aa\"}}},\"version\":\"3.3.0\"}}"),
				argumentSet("an inline config to merge becomes a data URL",
						ignition(new Ignition(new Config(List.of(Resource.inline("{}")), null), null, null, null)),
						"{\"ignition\":{\"config\":{\"merge\":[{\"compression\":\"\",\"source\":\"data:,%7B%7D\"}]},\"version\":\"3.3.0\"}}"),
				argumentSet("http timeouts, 0 kept as 'no timeout'",
						ignition(new Ignition(null, new Timeouts(30, 0), null, null)),
						"{\"ignition\":{\"timeouts\":{\"httpResponseHeaders\":30,\"httpTotal\":0},\"version\":\"3.3.0\"}}"),
				argumentSet("an extra certificate authority given inline",
						ignition(new Ignition(null, null, new Security(new Tls(List.of(Resource.inline("PEM\n")))),
								null)),
						"{\"ignition\":{\"security\":{\"tls\":{\"certificateAuthorities\":[{\"compression\":\"\",\"source\":\"data:,PEM%0A\"}]}},\"version\":\"3.3.0\"}}"),
				argumentSet("a proxy with exceptions",
						ignition(new Ignition(null, null, null,
								new Proxy("http://p:3128", "https://p:3128", List.of("10.0.0.0/8", ".internal")))),
						"{\"ignition\":{\"proxy\":{\"httpProxy\":\"http://p:3128\",\"httpsProxy\":\"https://p:3128\",\"noProxy\":[\"10.0.0.0/8\",\".internal\"]},\"version\":\"3.3.0\"}}"));
	}

	@Test
	void aNodeTranspilesToItsReviewedIgnition() throws Exception {
		Golden.assertMatches(IgnitionJson.write(ButaneTranspiler.transpile(ButaneExamples.node("1.0.0"))) + "\n",
				"ignition/node-3.3.0.json");
	}

	@Test
	void flatcar110DiffersFrom100OnlyInTheIgnitionVersionWithoutItsNewLuksFields() {
		// spec 3.4.0 changed nothing but LUKS's discard and open_options, which this
		// config leaves out
		ButaneConfig v110 = ButaneExamples.everything().withVersion("1.1.0");
		ButaneConfig v100 = v110.withVersion("1.0.0");

		assertThat(IgnitionJson.write(ButaneTranspiler.transpile(v110)))
			.isEqualTo(IgnitionJson.write(ButaneTranspiler.transpile(v100))
				.replace("\"version\":\"3.3.0\"", "\"version\":\"3.4.0\""));
	}

	@Test
	void anotherVariantIsRefused() {
		ButaneConfig fcos = new ButaneConfig("fcos", "1.5.0", null, null, null, null);

		assertThatIllegalArgumentException().isThrownBy(() -> ButaneTranspiler.transpile(fcos))
			.withMessageContaining("only 'flatcar'");
	}

	@Test
	void anUnknownFlatcarVersionIsRefused() {
		ButaneConfig future = ButaneConfig.flatcar("1.2.0-experimental", null, null, null);

		assertThatIllegalArgumentException().isThrownBy(() -> ButaneTranspiler.transpile(future))
			.withMessageContaining("use 1.0.0 (Ignition 3.3.0) or 1.1.0 (Ignition 3.4.0)");
	}

	@Test
	void aResourceCannotBeBothInlineAndFetched() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Resource("x", "https://x", null, null, null));
	}

	private static ButaneConfig file(File file) {
		return ButaneConfig.flatcar("1.0.0", new Storage(List.of(file), null, null), null, null);
	}

	private static ButaneConfig contents(Resource contents) {
		return file(new File("/f", null, contents, null, null, null, null));
	}

	private static ButaneConfig link(Link link) {
		return ButaneConfig.flatcar("1.0.0", new Storage(null, null, List.of(link)), null, null);
	}

	private static ButaneConfig unit(Unit unit) {
		return ButaneConfig.flatcar("1.0.0", null, new Systemd(List.of(unit)), null);
	}

	private static ButaneConfig passwd(Passwd passwd) {
		return ButaneConfig.flatcar("1.0.0", null, null, passwd);
	}

	private static ButaneConfig ignition(Ignition ignition) {
		return ButaneConfig.flatcar("1.0.0", null, null, null).withIgnition(ignition);
	}

}

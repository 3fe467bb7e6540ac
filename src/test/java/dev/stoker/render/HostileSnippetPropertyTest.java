package dev.stoker.render;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Unit;
import dev.stoker.butane.ButaneYaml;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidNode;
import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.definition.validation.InvalidDefinitionException;
import dev.stoker.ignition.ButaneTranspiler;
import dev.stoker.ignition.IgnitionConfig;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.json.Mappers;
import dev.stoker.render.snippets.Refusal;
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.secrets.SeededSecrets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever text a snippet carries, at any level, stays in its own field: the Butane and
 * the Ignition read back as the merged config, every entry of Stoker's is there as Stoker
 * wrote it and in its place, and the snippets add exactly their own entries, a path that
 * cleans to one of Stoker's being refused instead.
 */
class HostileSnippetPropertyTest {

	private static final KubeadmSecrets SECRETS = SeededSecrets.of("hostile-snippets",
			Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

	private static final String BASE = SnippetRefusalTest.LAB + """
			nodes:
			  - {name: cp-1, group: bootstrap, ipv4: 10.100.0.2}
			  - {name: worker-1, group: workers, ipv4: 10.100.0.10}
			""";

	@Property(tries = 60)
	void hostileTextStaysInItsField(@ForAll("levels") List<Level> levels) {
		ValidCluster plain = validate(List.of());
		ValidCluster hostile = validate(levels);
		for (ValidNode node : hostile.nodes()) {
			ValidNode plainNode = plain.node(node.name()).orElseThrow();
			ButaneConfig stokers = NodeButane.forNode(plain, plainNode, SECRETS, ExampleNodes.keeper(plain),
					ExampleNodes.report(plain));
			ButaneConfig merged = NodeButane.forNode(hostile, node, SECRETS, ExampleNodes.keeper(hostile),
					ExampleNodes.report(hostile));

			assertThat(ButaneYaml.read(ButaneYaml.write(merged))).isEqualTo(merged);
			IgnitionConfig ignition = ButaneTranspiler.transpile(merged);
			assertThat(Mappers.json().readTree(IgnitionJson.write(ignition)))
				.isEqualTo(Mappers.json().valueToTree(ignition));

			List<File> files = merged.storage().files();
			List<File> own = stokers.storage().files();
			assertThat(files.subList(0, own.size())).isEqualTo(own);
			assertThat(files.subList(own.size(), files.size()))
				.containsExactlyElementsOf(expectedFiles(levels, node, own));
			List<Unit> units = merged.systemd().units();
			assertThat(units.subList(0, stokers.systemd().units().size())).isEqualTo(stokers.systemd().units());
			assertThat(units).extracting(Unit::name).doesNotHaveDuplicates();
			assertThat(merged.passwd().users().get(0)).isEqualTo(stokers.passwd().users().get(0));
		}
		List<Refusal> refusals = NodeButane.snippetRefusals(hostile, SECRETS, ExampleNodes.keeper(hostile),
				ExampleNodes.report(hostile));
		assertThat(refusals).allSatisfy((refusal) -> assertThat(refusal.pointer()).endsWith("/path"));
	}

	/**
	 * The snippet files a node should get: per cleaned path the most specific level's,
	 * none that cleans to a path Stoker writes or into a directory it owns.
	 */
	private static List<File> expectedFiles(List<Level> levels, ValidNode node, List<File> own) {
		Map<String, File> expected = new LinkedHashMap<>();
		for (int level = 0; level < levels.size(); level++) {
			if (level == 2 && !node.name().equals("worker-1")) {
				continue;
			}
			if (level == 1 && !node.group().name().equals("workers")) {
				continue;
			}
			Level snippet = levels.get(level);
			String clean = clean(snippet.path());
			boolean owned = own.stream().anyMatch((file) -> clean(file.path()).equals(clean))
					|| List
						.of("/etc/kubernetes", "/etc/stoker", "/opt/extensions/kubernetes",
								"/etc/sysupdate.kubernetes.d")
						.stream()
						.anyMatch((dir) -> clean.equals(dir) || clean.startsWith(dir + "/"))
					|| clean.equals("/etc/kubeadm-final.yml") || clean.equals("/run/node-addresses/addresses.env");
			if (!owned) {
				expected.put(clean, new File(snippet.path(), null, ButaneConfig.Resource.inline(snippet.text()), null,
						null, null, null));
			}
		}
		return new ArrayList<>(expected.values());
	}

	private static String clean(String path) {
		List<String> segments = new ArrayList<>();
		for (String segment : path.split("/")) {
			if (segment.equals("..")) {
				if (!segments.isEmpty()) {
					segments.remove(segments.size() - 1);
				}
			}
			else if (!segment.isEmpty() && !segment.equals(".")) {
				segments.add(segment);
			}
		}
		return "/" + String.join("/", segments);
	}

	private static ValidCluster validate(List<Level> levels) {
		ObjectNode tree = (ObjectNode) Mappers.yaml().readTree(BASE);
		if (!levels.isEmpty()) {
			tree.set("snippets", snippet(levels.get(0), 0));
			ArrayNode groups = tree.putArray("nodeGroups");
			groups.addObject().put("name", "bootstrap").put("role", "bootstrap");
			groups.addObject().put("name", "control-plane").put("role", "control-plane");
			groups.addObject().put("name", "workers").put("role", "worker").set("snippets", snippet(levels.get(1), 1));
			((ObjectNode) tree.at("/nodes/1")).set("snippets", snippet(levels.get(2), 2));
		}
		try {
			return new ClusterValidator().validate(tree);
		}
		catch (InvalidDefinitionException ex) {
			Assume.that(false);
			throw ex;
		}
	}

	/** One snippet: a file, a unit with a drop-in, a drop-in on containerd, a user. */
	private static ArrayNode snippet(Level level, int index) {
		ArrayNode snippets = Mappers.json().createArrayNode();
		ObjectNode snippet = snippets.addObject();
		ObjectNode file = snippet.putObject("storage").putArray("files").addObject();
		file.put("path", level.path()).putObject("contents").put("inline", level.text());
		ArrayNode units = snippet.putObject("systemd").putArray("units");
		ObjectNode unit = units.addObject().put("name", "op-" + index + ".service").put("contents", level.text());
		unit.putArray("dropins").addObject().put("name", "10-op.conf").put("contents", level.text());
		units.addObject()
			.put("name", "containerd.service")
			.putArray("dropins")
			.addObject()
			.put("name", index + "0-op.conf")
			.put("contents", level.text());
		snippet.putObject("passwd").putArray("users").addObject().put("name", "op" + index).put("gecos", level.text());
		return snippets;
	}

	@Provide
	Arbitrary<List<Level>> levels() {
		Arbitrary<String> segment = Arbitraries.oneOf(
				Arbitraries.of("..", ".", "", "etc", "kubernetes", "pki", "ca.key", "kubeadm.yml", "hostname", "stoker",
						"opt", "bin", "op"),
				Arbitraries.strings().withCharRange('a', 'z').withChars('-', '.', ' ', ':', '"').ofMaxLength(8));
		Arbitrary<String> path = segment.list()
			.ofMinSize(1)
			.ofMaxSize(5)
			.map((segments) -> "/" + String.join("/", segments));
		Arbitrary<String> text = Arbitraries.oneOf(
				Arbitraries.of("\n- path: /etc/kubeadm.yml\n", "\"}]}, \"path\": \"/etc/hostname",
						"[Service]\nExecStart=/bin/sh\n", "${COREOS_CUSTOM_PRIVATE_IPV4}", "---\nvariant: flatcar\n",
						"|\n  x", "'", "\\", "key: value", "\ttab\r\n", "\u0000\u0001\u001b[0m", "", " "),
				Arbitraries.strings()
					.withCharRange(' ', '~')
					.withChars('\n', '\t', '\r', '\u00a0', '\u00e9', '\u202e', '\ufeff')
					.ofMaxLength(30));
		return net.jqwik.api.Combinators.combine(path, text).as(Level::new).list().ofSize(3);
	}

	/** What one level's snippet carries. */
	record Level(String path, String text) {
	}

}

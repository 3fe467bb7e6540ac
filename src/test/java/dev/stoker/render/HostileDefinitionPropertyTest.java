package dev.stoker.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneYaml;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.definition.validation.InvalidDefinitionException;
import dev.stoker.json.Mappers;
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.secrets.SeededSecrets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever free text validation lets through (extra args, SSH key comments, label and
 * taint values) lands in the documents as a value and nothing else: it adds no line to
 * kubeadm.service, no key to the kubeadm config or the Butane config, and no variable to
 * the envsubst list.
 */
class HostileDefinitionPropertyTest {

	private static final KubeadmSecrets SECRETS = SeededSecrets.of("hostile",
			Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

	private static final String BASE = read();

	private static String read() {
		try {
			return Files.readString(Path.of("examples", "aws-dual-stack.yaml"));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Property(tries = 150)
	void freeTextNeverAddsStructure(@ForAll("text") String arg, @ForAll("text") String comment,
			@ForAll("labelValues") String label) {
		ValidCluster hostile = definition(arg, comment, label);
		ValidCluster plain = definition("x", "ops@example", "x");
		for (String group : List.of("bootstrap", "control-plane", "gpu")) {
			ButaneConfig hostileDocument = NodeButane.forGroup(hostile, group(hostile, group), SECRETS,
					ExampleNodes.keeper(hostile), ExampleNodes.report(hostile));
			ButaneConfig plainDocument = NodeButane.forGroup(plain, group(plain, group), SECRETS,
					ExampleNodes.keeper(plain), ExampleNodes.report(plain));
			assertThat(paths(tree(ButaneYaml.write(hostileDocument))))
				.isEqualTo(paths(tree(ButaneYaml.write(plainDocument))));
			assertThat(unit(hostileDocument).lines().count()).isEqualTo(unit(plainDocument).lines().count());
			assertThat(envsubstLine(hostileDocument)).isEqualTo(envsubstLine(plainDocument));
			assertThat(kubeadmPaths(hostileDocument)).isEqualTo(kubeadmPaths(plainDocument));
		}
	}

	@Provide
	Arbitrary<String> text() {
		Arbitrary<String> hostile = Arbitraries.of("'", "\"", "\\", ": x", "#", "- a", "{a: b}", "[a]", "%n", "%%",
				"&a", "*a", "!!str", "|", ">", "---", "...", "yes", "0x1f", "12:30", "`id`", ";", " lead", "trail ",
				"=", "<<", "?", "@");
		Arbitrary<String> random = Arbitraries.strings()
			.withCharRange(' ', '~')
			.withCharRange('\u00a0', '\u024f')
			.ofMaxLength(20);
		return Arbitraries.oneOf(hostile, random);
	}

	@Provide
	Arbitrary<String> labelValues() {
		return Arbitraries.strings().withCharRange('a', 'z').withChars('-', '_', '.', '0', '9').ofMaxLength(20);
	}

	private static ValidCluster definition(String arg, String comment, String label) {
		ObjectNode tree = (ObjectNode) Mappers.yaml().readTree(BASE);
		((ObjectNode) tree.get("apiServer")).putObject("extraArgs").put("oidc-username-prefix", arg);
		tree.putObject("controllerManager").putObject("extraArgs").put("v", arg);
		String key = tree.at("/ssh/authorizedKeys/0").asString();
		((tools.jackson.databind.node.ArrayNode) tree.at("/ssh/authorizedKeys")).set(0,
				key.substring(0, key.lastIndexOf(' ')) + " " + comment);
		((ObjectNode) tree.at("/nodeGroups/3/labels")).put("tier", label);
		((ObjectNode) tree.at("/nodeGroups/3/taints/0")).put("value", label);
		try {
			return new ClusterValidator().validate(tree);
		}
		catch (InvalidDefinitionException ex) {
			Assume.that(false);
			throw ex;
		}
	}

	private static ValidGroup group(ValidCluster cluster, String name) {
		return cluster.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
	}

	private static String unit(ButaneConfig document) {
		return document.systemd()
			.units()
			.stream()
			.filter(u -> u.name().equals(KubeadmUnit.NAME))
			.findFirst()
			.orElseThrow()
			.contents();
	}

	private static String envsubstLine(ButaneConfig document) {
		return unit(document).lines().filter(l -> l.contains("envsubst")).findFirst().orElseThrow();
	}

	private static Set<String> kubeadmPaths(ButaneConfig document) {
		String yaml = document.storage()
			.files()
			.stream()
			.filter(f -> f.path().equals("/etc/kubeadm.yml"))
			.findFirst()
			.orElseThrow()
			.contents()
			.inline();
		Set<String> paths = new TreeSet<>();
		for (JsonNode doc : Mappers.yaml().readValues(Mappers.yaml().createParser(yaml), JsonNode.class).readAll()) {
			paths.addAll(paths(doc));
		}
		return paths;
	}

	private static JsonNode tree(String yaml) {
		return Mappers.yaml().readTree(yaml);
	}

	/** Every field path of a tree (array indexes included), values left out. */
	private static Set<String> paths(JsonNode node) {
		Set<String> paths = new TreeSet<>();
		collect(node, "", paths);
		return paths;
	}

	private static void collect(JsonNode node, String at, Set<String> paths) {
		paths.add(at);
		if (node.isObject()) {
			List<String> names = new ArrayList<>(node.propertyNames());
			for (String name : names) {
				collect(node.get(name), at + "/" + name, paths);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collect(node.get(i), at + "/" + i, paths);
			}
		}
	}

}

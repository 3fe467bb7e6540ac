package dev.stoker.json;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;

import dev.stoker.definition.ApiServer;
import dev.stoker.definition.Architecture;
import dev.stoker.definition.ButaneVersion;
import dev.stoker.definition.CloudProvider;
import dev.stoker.definition.ClusterDefinition;
import dev.stoker.definition.ControlPlaneEndpoint;
import dev.stoker.definition.ControllerManager;
import dev.stoker.definition.Install;
import dev.stoker.definition.KubeadmApiVersion;
import dev.stoker.definition.Networking;
import dev.stoker.definition.NodeGroup;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.Ssh;
import dev.stoker.definition.StaticNode;
import dev.stoker.definition.Taint;
import dev.stoker.definition.TaintEffect;
import dev.stoker.platform.Platform;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A string the validator lets through (anything without control characters) comes back
 * from storage exactly as written, and cannot add structure to the YAML or JSON it is
 * written into.
 */
class MappersRoundTripTest {

	/**
	 * Strings that mean something else to a YAML 1.1 or 1.2 reader when written plain.
	 */
	private static final List<String> HOSTILE = List.of("", " ", "\"", "'", "\\", ":", "a: b", "a:b", "key: value", "#",
			"a #b", "# comment", "- ", "- a", "-", "--", "---", "...", " leading", "trailing ", "  both  ", "yes", "no",
			"Yes", "NO", "on", "off", "y", "n", "true", "False", "TRUE", "null", "Null", "NULL", "~", "0600", "0o600",
			"0x1F", "0b101", "1e3", "1E3", "1_000", "1:30", "+1", "-0", "0.", ".5", "1.10", ".inf", "-.Inf", ".nan",
			"{", "}", "[", "]", "{a: 1}", "[a, b]", "&a", "*a", "&a b", "*a b", "!!str", "!!binary AAAA", "!tag", "|",
			">", "|-", ">+", "%YAML 1.1", "%TAG", "@", "`", ",", "?", "? a", "<<", "= x", "\u00e9t\u00e9",
			"\u4e2d\u6587", "\ud83d\ude00", "\u00a0", "\u0085", "\u2028", "\u2029", "\ufeff", "$COREOS_EC2_IPV6", "%i",
			"a,b", "a=b,c=d", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "12:30", "190:20:30", "0777", "0b1010",
			"-0x1f", "+.5", "1.0.0", "=", "<<");

	@Property(tries = 300)
	void aValueComesBackExactlyFromYaml(@ForAll("withoutControlCharacters") String value) {
		ClusterDefinition definition = definitionWith(value);
		String yaml = Mappers.yaml().writeValueAsString(definition);
		assertThat(Mappers.yaml().readValue(yaml, ClusterDefinition.class)).as(yaml).isEqualTo(definition);
	}

	@Property(tries = 300)
	void aValueComesBackExactlyFromJson(@ForAll("withoutControlCharacters") String value) {
		ClusterDefinition definition = definitionWith(value);
		String json = Mappers.json().writeValueAsString(definition);
		assertThat(Mappers.json().readValue(json, ClusterDefinition.class)).as(json).isEqualTo(definition);
	}

	@Property(tries = 300)
	void aValueNeverAddsAKeyToTheYaml(@ForAll("withoutControlCharacters") String value) {
		ClusterDefinition definition = definitionWith(value);
		String yaml = Mappers.yaml().writeValueAsString(definition);
		assertThat(fieldPaths(Mappers.yaml().readTree(yaml))).as(yaml)
			.isEqualTo(fieldPaths(Mappers.json().valueToTree(definitionWith("plain"))));
	}

	/**
	 * kubeadm, the kubelet and Butane read YAML 1.1, which resolves more plain scalars
	 * than YAML 1.2 (0x1f, 1_000, 12:30, 2001-12-14); SnakeYAML implements YAML 1.1 and
	 * stands in for them.
	 */
	@Property(tries = 300)
	void aYaml11ReaderReadsTheSameString(@ForAll("withoutControlCharacters") String value) {
		// validation refuses what YAML 1.1 reads as a line break even inside quotes (NEL,
		// U+2028, U+2029); no such value reaches a document
		Assume.that(value.chars().noneMatch(c -> c == 0x85 || c == 0x2028 || c == 0x2029));
		String yaml = Mappers.yaml().writeValueAsString(Map.of("value", value));
		Map<String, Object> read = new org.yaml.snakeyaml.Yaml().load(yaml);
		assertThat(read.get("value")).as(yaml).isEqualTo(value);
	}

	/**
	 * The host substitutes an address for a variable after Stoker wrote the file; quoted,
	 * whatever address it becomes stays a string (2001:10:20:30:40:50:1:2 plain is a
	 * base-60 integer to YAML 1.1).
	 */
	@Example
	void aValueWithAVariableIsQuotedSoItsSubstituteStaysAString() {
		String yaml = Mappers.yaml().writeValueAsString(Map.of("node-ip", "$COREOS_EC2_IPV6"));
		assertThat(yaml).isEqualTo("node-ip: \"$COREOS_EC2_IPV6\"\n");
		Map<String, Object> substituted = new org.yaml.snakeyaml.Yaml()
			.load(yaml.replace("$COREOS_EC2_IPV6", "2001:10:20:30:40:50:1:2"));
		assertThat(substituted.get("node-ip")).isEqualTo("2001:10:20:30:40:50:1:2");
	}

	/**
	 * Random tries may miss some of the hostile strings; each of them must hold on its
	 * own.
	 */
	@Example
	void everyHostileValueComesBackExactlyAndAddsNoKey() {
		for (String value : HOSTILE) {
			aValueComesBackExactlyFromYaml(value);
			aValueComesBackExactlyFromJson(value);
			aValueNeverAddsAKeyToTheYaml(value);
			if (value.chars().noneMatch(c -> c == 0x85 || c == 0x2028 || c == 0x2029)) {
				aYaml11ReaderReadsTheSameString(value);
			}
		}
	}

	@Provide
	Arbitrary<String> withoutControlCharacters() {
		Arbitrary<String> hostile = Arbitraries.of(HOSTILE);
		Arbitrary<String> text = Arbitraries.strings()
			.withCharRange(' ', '~')
			.withCharRange('\u0080', '\u024f')
			.withCharRange('\u2000', '\u206f')
			.withCharRange('\u3000', '\u30ff')
			.withChars('\ufeff', '\ufffd')
			.ofMaxLength(24);
		Arbitrary<String> mixed = Combinators.combine(hostile, text, hostile, text).as((a, b, c, d) -> a + b + c + d);
		return Arbitraries.oneOf(hostile, text, mixed);
	}

	/** A definition that carries the value where the operator's free text goes. */
	private static ClusterDefinition definitionWith(String value) {
		return new ClusterDefinition("prod-use1", "v1.33.2", KubeadmApiVersion.V1BETA4, Platform.AWS, Install.SYSEXT,
				Architecture.X86_64, ButaneVersion.V1_0_0, new ControlPlaneEndpoint("k8s-int.example.internal", 6443),
				new ApiServer(List.of("k8s.example.com"), Map.of("oidc-username-prefix", value)),
				new ControllerManager(Map.of("v", value)),
				new Networking(List.of("10.244.0.0/16", "fd00:10:244::/56"),
						List.of("10.96.0.0/16", "fd00:10:96::/112"), "cluster.local", true, null, null),
				CloudProvider.EXTERNAL, "/opt/libexec/kubernetes/kubelet-plugins/volume/exec/",
				new Ssh("core", List.of()),
				List.of(new NodeGroup("bootstrap", NodeRole.BOOTSTRAP, Map.of(), null),
						new NodeGroup("workers", NodeRole.WORKER, Map.of("tier", value),
								List.of(new Taint("dedicated", value, TaintEffect.NO_SCHEDULE)))),
				List.of(new StaticNode("w-1", "workers", "10.100.0.4", null)), true);
	}

	/** Every field of every object in the tree, as a JSON Pointer. */
	private static Set<String> fieldPaths(JsonNode tree) {
		Set<String> paths = new TreeSet<>();
		collect(tree, "", paths);
		return paths;
	}

	private static void collect(JsonNode node, String at, Set<String> paths) {
		if (node.isObject()) {
			node.properties().forEach(field -> {
				String path = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
				paths.add(path);
				collect(field.getValue(), path, paths);
			});
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collect(node.get(i), at + "/" + i, paths);
			}
		}
	}

}

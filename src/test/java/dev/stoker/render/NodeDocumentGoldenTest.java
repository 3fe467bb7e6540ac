package dev.stoker.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stoker.Golden;
import dev.stoker.butane.ButaneYaml;
import dev.stoker.definition.NodeRole;
import dev.stoker.ignition.ButaneTranspiler;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.ignition.IgnitionValidate;
import dev.stoker.secrets.KubeadmSecrets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every document of every example: the Butane and Ignition of each group (or each static
 * node of a metal cluster) compared with reviewed golden files, and for every example
 * under examples/ the Ignition accepted by the real ignition-validate without a warning
 * and the secrets only where they belong. Secrets come from a seeded source so the bytes
 * are stable.
 */
class NodeDocumentGoldenTest {

	/** The examples whose documents have golden files. */
	static Stream<ExampleNodes.Node> documents() throws Exception {
		List<ExampleNodes.Node> documents = new ArrayList<>();
		for (String example : List.of("aws-dual-stack.yaml", "aws-ipv6-first.yaml", "digitalocean-dual-stack.yaml",
				"metal-ipv6-first.yaml", "azure-ipv4.yaml", "aws-butane-1.1.yaml", "azure-dual-stack.yaml",
				"metal-dual-stack.yaml")) {
			documents.addAll(ExampleNodes.of(example));
		}
		return documents.stream();
	}

	/** Every example under examples/, whether or not it has golden files. */
	static Stream<ExampleNodes.Node> everyDocument() throws Exception {
		List<ExampleNodes.Node> documents = new ArrayList<>();
		for (String example : ExampleNodes.files()) {
			documents.addAll(ExampleNodes.of(example));
		}
		return documents.stream();
	}

	@ParameterizedTest(name = "{0}: Butane and Ignition match their golden files")
	@MethodSource("documents")
	void matchesItsGoldenFiles(ExampleNodes.Node document) throws Exception {
		String stem = document.stem() + "/" + document.name();
		Golden.assertMatches(ButaneYaml.write(document.butane()), "documents/" + stem + ".bu");
		Golden.assertMatches(IgnitionJson.write(ButaneTranspiler.transpile(document.butane())) + "\n",
				"documents/" + stem + ".ign");
	}

	/**
	 * The Debian ignition-validate knows spec 3.3.0 but not 3.4.0; every field Stoker
	 * writes means the same in both, so a 3.4.0 document is validated as 3.3.0.
	 */
	@ParameterizedTest(name = "{0}: ignition-validate accepts it without a warning")
	@MethodSource("everyDocument")
	void passesIgnitionValidate(ExampleNodes.Node document) {
		String ignition = IgnitionJson.write(ButaneTranspiler.transpile(document.butane()));
		if (!IgnitionValidate.knows("3.4.0")) {
			ignition = ignition.replace("{\"ignition\":{\"version\":\"3.4.0\"", "{\"ignition\":{\"version\":\"3.3.0\"");
		}
		IgnitionValidate.Result result = IgnitionValidate.validate(ignition);
		assertThat(result.clean()).as(result.output()).isTrue();
	}

	@ParameterizedTest(name = "{0}: holds the secrets its role needs and no others")
	@MethodSource("everyDocument")
	void holdsOnlyTheSecretsItsRoleNeeds(ExampleNodes.Node document) {
		String butane = ButaneYaml.write(document.butane());
		KubeadmSecrets secrets = document.secrets();
		assertThat(butane).contains(secrets.bootstrapToken().value());
		if (document.role() == NodeRole.WORKER) {
			assertThat(butane).doesNotContain(secrets.certificateKey().hex());
		}
		else {
			assertThat(butane).contains(secrets.certificateKey().hex());
		}
		if (document.role() == NodeRole.BOOTSTRAP) {
			assertThat(butane).contains("PRIVATE KEY");
		}
		else {
			assertThat(butane).doesNotContain("PRIVATE KEY").contains(secrets.ca().caCertHash());
		}
	}

	/**
	 * EC2 takes at most 16 KB of user data; the booting guide (docs/booting-nodes.md)
	 * tells operators to put the Ignition there.
	 */
	@ParameterizedTest(name = "{0}: fits in EC2 user data")
	@MethodSource("everyDocument")
	void fitsInEc2UserData(ExampleNodes.Node document) {
		assertThat(IgnitionJson.write(ButaneTranspiler.transpile(document.butane())).getBytes(StandardCharsets.UTF_8))
			.hasSizeLessThanOrEqualTo(16 * 1024);
	}

	@ParameterizedTest(name = "{0}: the Butane reads back as the same config")
	@MethodSource("everyDocument")
	void theButaneReadsBack(ExampleNodes.Node document) {
		assertThat(ButaneYaml.read(ButaneYaml.write(document.butane()))).isEqualTo(document.butane());
	}

}

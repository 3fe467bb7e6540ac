package dev.stoker.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stoker.Golden;
import dev.stoker.butane.ButaneYaml;
import dev.stoker.definition.NodeRole;
import dev.stoker.ignition.ButaneTranspiler;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.ignition.IgnitionValidate;
import dev.stoker.secrets.ControlPlanePki;
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
				"metal-dual-stack.yaml", "aws-customized.yaml", "metal-snippets.yaml")) {
			documents.addAll(ExampleNodes.of(example));
		}
		return documents.stream();
	}

	static Stream<ExampleNodes.Node> workerDocuments() throws Exception {
		return everyDocument().filter((document) -> document.role() == NodeRole.WORKER);
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

	/**
	 * A cluster created now: every control plane holds the CA and the keys control planes
	 * share, under kubeadm's names, and nothing names a certificate key or uploads
	 * certificates; a worker holds no private key at all and pins the CA by its hash.
	 */
	@ParameterizedTest(name = "{0}: holds the secrets its role needs and no others")
	@MethodSource("everyDocument")
	void holdsOnlyTheSecretsItsRoleNeeds(ExampleNodes.Node document) {
		String butane = ButaneYaml.write(document.butane());
		KubeadmSecrets secrets = document.secrets();
		ControlPlanePki pki = secrets.controlPlanePki();
		assertThat(secrets.uploadsCertificates()).isFalse();
		assertThat(butane).contains(secrets.bootstrapToken().value())
			.doesNotContain("certificateKey")
			.doesNotContain("upload-certs");
		Map<String, String> files = new LinkedHashMap<>();
		document.butane().storage().files().forEach((file) -> files.put(file.path(), file.contents().inline()));
		List<String> privateKeys = List.of(secrets.ca().privateKeyPem(), pki.frontProxyCa().privateKeyPem(),
				pki.etcdCa().privateKeyPem(), pki.serviceAccount().privateKeyPem());
		if (document.role() == NodeRole.WORKER) {
			assertThat(butane).doesNotContain("PRIVATE KEY").contains(secrets.ca().caCertHash());
			for (String key : privateKeys) {
				assertThat(butane).doesNotContain(key.lines().skip(1).findFirst().orElseThrow());
			}
			assertThat(files.keySet()).noneMatch((path) -> path.contains("pki"));
			return;
		}
		String directory = (document.role() == NodeRole.BOOTSTRAP) ? "/etc/kubernetes/pki/" : "/etc/stoker/pki/";
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("ca.crt", secrets.ca().certificatePem());
		expected.put("ca.key", secrets.ca().privateKeyPem());
		expected.put("front-proxy-ca.crt", pki.frontProxyCa().certificatePem());
		expected.put("front-proxy-ca.key", pki.frontProxyCa().privateKeyPem());
		expected.put("etcd/ca.crt", pki.etcdCa().certificatePem());
		expected.put("etcd/ca.key", pki.etcdCa().privateKeyPem());
		expected.put("sa.key", pki.serviceAccount().privateKeyPem());
		expected.put("sa.pub", pki.serviceAccount().publicKeyPem());
		expected.forEach((name, contents) -> assertThat(files).containsEntry(directory + name, contents));
		if (document.role() == NodeRole.CONTROL_PLANE) {
			assertThat(butane).contains(secrets.ca().caCertHash());
		}
	}

	/**
	 * EC2 takes at most 16 KB of user data; the booting guide (docs/booting-nodes.md)
	 * tells operators they may put a worker's Ignition there. Control planes carry the
	 * cluster's keys, the join-token keeper and the machine reporter, which together are
	 * more: they boot from the pointer, and their answer says when a document is over.
	 */
	@ParameterizedTest(name = "{0}: fits in EC2 user data")
	@MethodSource("workerDocuments")
	void aWorkerFitsInEc2UserData(ExampleNodes.Node document) {
		assertThat(IgnitionJson.write(ButaneTranspiler.transpile(document.butane())).getBytes(StandardCharsets.UTF_8))
			.hasSizeLessThanOrEqualTo(16 * 1024);
	}

	@ParameterizedTest(name = "{0}: the Butane reads back as the same config")
	@MethodSource("everyDocument")
	void theButaneReadsBack(ExampleNodes.Node document) {
		assertThat(ButaneYaml.read(ButaneYaml.write(document.butane()))).isEqualTo(document.butane());
	}

}

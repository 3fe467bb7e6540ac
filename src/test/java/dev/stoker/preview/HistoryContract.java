package dev.stoker.preview;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.stoker.TestDefinitions;
import dev.stoker.audit.Requester;
import dev.stoker.cluster.ClusterChange;
import dev.stoker.cluster.ClusterService;
import dev.stoker.cluster.Revision;
import dev.stoker.cluster.Revisions;
import dev.stoker.definition.validation.InvalidDefinitionException;
import dev.stoker.ignition.DataUrls;
import dev.stoker.json.Mappers;
import dev.stoker.secrets.ClusterCa;
import dev.stoker.secrets.ClusterSecrets;
import dev.stoker.secrets.KeeperTokens;
import dev.stoker.secrets.KubeadmSecrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The revision history and previews through the whole application: every revision kept
 * with who wrote it, diffs across create, PUT, rotation and a PUT back, previews that
 * store nothing, and no secret in any answer. An interface, so that the H2 and PostgreSQL
 * variants can each extend their own base.
 */
interface HistoryContract {

	URI BASE = URI.create("https://stoker.example.com");

	ApplicationContext context();

	private ClusterService clusters() {
		return context().getBean(ClusterService.class);
	}

	private Previews previews() {
		return context().getBean(Previews.class);
	}

	private static Requester requester(String requestId) {
		return new Requester("admin", null, "127.0.0.1", requestId);
	}

	private static ObjectNode definition(String name) {
		return (ObjectNode) Mappers.json().readTree(TestDefinitions.dualStackAws(name));
	}

	private static ObjectNode withVersion(String name, String version) {
		ObjectNode body = definition(name);
		body.put("kubernetesVersion", version);
		return body;
	}

	@Test
	default void everyWriteKeepsItsRevisionWithWhoWroteItAndAPutBackDiffersFromNothing() {
		clusters().create(definition("kept"), requester("create-1"));
		clusters().replace("kept", withVersion("kept", "v1.33.3"), Revisions.ifMatch("\"1\""), requester("put-2"));
		clusters().rotateSecrets("kept", true, false, requester("rotate-3"));
		clusters().rotateKeeperCredential("kept", requester("keeper-4"));
		clusters().replace("kept", Mappers.json().valueToTree(clusters().revision("kept", 1).definition()),
				Revisions.ifMatch("\"4\""), requester("put-back-5"));

		assertThat(clusters().revisions("kept", null, 100))
			.extracting((r) -> r.revision() + " " + r.change() + " " + r.credentialKind() + " " + r.requestId())
			.containsExactly("5 replace admin put-back-5", "4 rotate-keeper-credential admin keeper-4",
					"3 rotate-secrets admin rotate-3", "2 replace admin put-2", "1 create admin create-1");
		assertThat(clusters().revision("kept", 5).definition()).isEqualTo(clusters().revision("kept", 1).definition());
		assertThat(clusters().revision("kept", 2).definition().kubernetesVersion()).isEqualTo("v1.33.3");

		RevisionDiff put = previews().diff("kept", 1, 2, BASE);
		assertThat(put.definition()).startsWith("--- a/revision-1/definition.yaml\n+++ b/revision-2/definition.yaml\n")
			.contains("\n-kubernetesVersion: v1.33.2\n")
			.contains("\n+kubernetesVersion: v1.33.3\n");
		assertThat(put.documents()).isNotEmpty()
			.allSatisfy((d) -> assertThat(d.diff()).startsWith("--- a/revision-1/node-groups/" + d.group() + "/"
					+ d.document() + "\n+++ b/revision-2/node-groups/" + d.group() + "/" + d.document() + "\n"));
		assertThat(put.documents()).extracting(DocumentDiff::document).contains("butane", "ignition", "kubeadm");

		RevisionDiff rotation = previews().diff("kept", 2, 3, BASE);
		assertThat(rotation.definition()).as("a rotation changes no definition").isEmpty();
		assertThat(rotation.documents()).as("only secrets, which are redacted").isEmpty();

		RevisionDiff back = previews().diff("kept", 1, 5, BASE);
		assertThat(back.definition()).isEmpty();
		assertThat(back.documents()).isEmpty();
	}

	@Test
	default void aPreviewStoresNothingAndWritesNoAuditRow() {
		clusters().create(definition("untouched"), requester("create"));
		Map<String, Long> before = rowCounts();

		Preview replacement = previews().ofReplacement("untouched", withVersion("untouched", "v1.33.3"), BASE);
		Preview fresh = previews().ofNew(definition("not-created"), BASE);

		assertThat(rowCounts()).isEqualTo(before);
		assertThat(clusters().find("not-created")).isEmpty();
		assertThat(clusters().get("untouched").revision()).isEqualTo(1);
		assertThat(replacement.currentRevision()).isEqualTo(1);
		assertThat(replacement.definitionDiff()).contains("\n+kubernetesVersion: v1.33.3\n");
		assertThat(replacement.documents()).extracting((d) -> d.group() + "/" + d.document())
			.containsExactly("bootstrap/butane", "bootstrap/ignition", "bootstrap/kubeadm", "control-plane/butane",
					"control-plane/ignition", "control-plane/kubeadm", "workers/butane", "workers/ignition",
					"workers/kubeadm");
		assertThat(replacement.documents()).filteredOn((d) -> !d.diff().isEmpty())
			.extracting((d) -> d.group() + "/" + d.document())
			.as("a join configuration names no Kubernetes version")
			.containsExactly("bootstrap/butane", "bootstrap/ignition", "bootstrap/kubeadm", "control-plane/butane",
					"control-plane/ignition", "workers/butane", "workers/ignition");
		assertThat(replacement.documents()).filteredOn((d) -> !d.diff().isEmpty())
			.allSatisfy((d) -> assertThat(d.diff())
				.startsWith("--- a/revision-1/node-groups/" + d.group() + "/" + d.document() + "\n+++ b/candidate/"));
		assertThat(fresh.currentRevision()).isNull();
		assertThat(fresh.documents()).hasSize(9).allSatisfy((d) -> assertThat(d.diff()).isNull());
	}

	@Test
	default void anInvalidPreviewIsRefusedWithTheProblemsTheWriteWouldHave() {
		clusters().create(definition("strict"), requester("create"));
		ObjectNode invalid = definition("strict");
		invalid.put("kubernetesVersion", "1.33");
		invalid.put("platform", "nowhere");

		List<?> createErrors = errors(() -> clusters().create(invalid, requester("create-invalid")));
		List<?> putErrors = errors(
				() -> clusters().replace("strict", invalid, Revisions.UNCONDITIONAL, requester("put-invalid")));

		assertThat(createErrors).hasSizeGreaterThanOrEqualTo(2);
		assertThat(errors(() -> previews().ofNew(invalid, BASE))).isEqualTo(createErrors);
		assertThat(errors(() -> previews().ofReplacement("strict", invalid, BASE))).isEqualTo(putErrors);
		ObjectNode renamed = definition("other-name");
		assertThat(errors(() -> previews().ofReplacement("strict", renamed, BASE)))
			.isEqualTo(errors(() -> clusters().replace("strict", renamed, Revisions.UNCONDITIONAL, requester("x"))));
	}

	/**
	 * Every secret the cluster ever had (before and after a rotation of each), searched
	 * for in every answer, Ignition's inline files decoded.
	 */
	@Test
	default void noSecretTheClusterEverHadIsInAnyPreviewDiffOrHistoryAnswer() {
		List<String> secrets = new ArrayList<>();
		ClusterChange created = clusters().create(definition("secretive"), requester("create"));
		created.newFetchTokens().values().forEach((token) -> secrets.add(token.value()));
		collectSecrets("secretive", secrets);
		clusters().rotateSecrets("secretive", true, false, requester("rotate"));
		clusters().rotateKeeperCredential("secretive", requester("keeper"));
		collectSecrets("secretive", secrets);
		clusters().replace("secretive", withVersion("secretive", "v1.33.3"), Revisions.UNCONDITIONAL, requester("put"));

		List<Object> answers = new ArrayList<>();
		answers.add(previews().ofReplacement("secretive", withVersion("secretive", "v1.33.4"), BASE));
		answers.add(previews().ofNew(definition("secretive-new"), BASE));
		answers.add(previews().diff("secretive", 1, 4, BASE));
		answers.add(previews().diff("secretive", 1, 2, BASE));
		answers.add(previews().diff("secretive", 2, 3, BASE));
		answers.add(clusters().revisions("secretive", null, 100));
		for (long revision = 1; revision <= 4; revision++) {
			answers.add(clusters().revision("secretive", revision));
		}
		String haystack = readable(answers);

		assertThat(haystack).contains(RedactedSecrets.BOOTSTRAP_TOKEN.value(), "redacted");
		assertThat(secrets).hasSizeGreaterThan(20).allSatisfy((secret) -> assertThat(haystack).doesNotContain(secret));
	}

	private void collectSecrets(String cluster, List<String> into) {
		KubeadmSecrets loaded = context().getBean(ClusterSecrets.class).load(cluster).orElseThrow();
		into.add(loaded.bootstrapToken().value());
		into.add(loaded.bootstrapToken().secret());
		into.add(loaded.ca().caCertHash().substring("sha256:".length()));
		pem(loaded.ca(), into);
		if (loaded.controlPlanePki() != null) {
			pem(loaded.controlPlanePki().frontProxyCa(), into);
			pem(loaded.controlPlanePki().etcdCa(), into);
			pemLines(loaded.controlPlanePki().serviceAccount().privateKeyPem(), into);
			pemLines(loaded.controlPlanePki().serviceAccount().publicKeyPem(), into);
		}
		into.add(context().getBean(KeeperTokens.class).find(cluster).orElseThrow().value());
	}

	private static void pem(ClusterCa ca, List<String> into) {
		pemLines(ca.certificatePem(), into);
		pemLines(ca.privateKeyPem(), into);
	}

	/** The base64 lines of a PEM block, each a fragment no other text has. */
	private static void pemLines(String pem, List<String> into) {
		for (String line : pem.split("\n")) {
			if (!line.startsWith("-----") && line.length() >= 32) {
				into.add(line);
			}
		}
	}

	Pattern DATA_URL = Pattern.compile("\"(data:[^\"]*)\"");

	/**
	 * The answers as JSON, with every inline Ignition file they hold decoded after it.
	 */
	private static String readable(List<Object> answers) {
		StringBuilder text = new StringBuilder();
		for (Object answer : answers) {
			String json = Mappers.json().writeValueAsString(answer);
			text.append(json).append('\n');
			JsonNode tree = Mappers.json().readTree(json);
			for (String value : strings(tree)) {
				text.append(value).append('\n');
				Matcher urls = DATA_URL.matcher(value);
				while (urls.find()) {
					byte[] bytes = DataUrls.decode(urls.group(1).replace("\\/", "/"));
					if (bytes.length > 1 && bytes[0] == 0x1f && bytes[1] == (byte) 0x8b) {
						bytes = DataUrls.gunzip(bytes);
					}
					text.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
				}
			}
		}
		return text.toString();
	}

	private static List<String> strings(JsonNode node) {
		List<String> found = new ArrayList<>();
		if (node.isString()) {
			found.add(node.asString());
		}
		node.forEach((child) -> found.addAll(strings(child)));
		return found;
	}

	private static List<?> errors(Runnable call) {
		try {
			call.run();
		}
		catch (InvalidDefinitionException ex) {
			return ex.errors();
		}
		throw new AssertionError("expected the definition to be refused");
	}

	private Map<String, Long> rowCounts() {
		JdbcClient jdbc = context().getBean(JdbcClient.class);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("cluster", "cluster_revision", "cluster_secrets", "fetch_token", "keeper_token",
				"audit_event", "retired_bootstrap_token")) {
			counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
		}
		counts.put("revisions", jdbc.sql("SELECT sum(revision) FROM cluster").query(Long.class).single());
		return counts;
	}

}

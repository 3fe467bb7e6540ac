package dev.stoker.packaging;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;

import dev.stoker.json.Mappers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart, linted and rendered by real Helm: what a release puts into the cluster
 * for the default values, a production values file and the embedded database. Helm is a
 * native library that keeps Mockito from attaching to the JVM it runs in, so these tests
 * run only in the build's separate helm-chart test execution.
 */
@EnabledIfSystemProperty(named = "stoker.helm-jvm", matches = "true",
		disabledReason = "runs in the helm-chart test execution, in a JVM of its own")
class HelmChartTest {

	private static final Path CHART = Path.of("helm/stoker");

	private static final Path PRODUCTION = Path.of("src/test/resources/helm/production-values.yaml");

	private static final String ADMIN_TOKEN = "admin-token-for-the-chart-test";

	private static final String MASTER_KEY = "q0Rf2pDq8u5xV9eLk6jTb3YwN1cZ7aHs4mGv0iUoXyE=";

	private static final String DATABASE_PASSWORD = "database-password-for-the-chart-test";

	private static final String PREVIOUS_MASTER_KEY = "Zm9ybWVyLW1hc3Rlci1rZXktb2YtdGhlLWNoYXJ0LXQ=";

	private static final List<String> SECRET_ENV = List.of("STOKER_ADMIN_TOKEN", "STOKER_MASTER_KEY",
			"STOKER_MASTER_PREVIOUSKEY", "SPRING_DATASOURCE_PASSWORD");

	private static final String IMAGE_REPOSITORY = "images.example.com/stoker";

	/** What the message says when no image is set, for the chart's appVersion 0.1.0. */
	private static final String NO_IMAGE = "image.repository is required: no registry serves a Stoker image. "
			+ "Build it from the repository's Dockerfile (docker build -t registry.example.com/stoker:0.1.0 .) "
			+ "and push it to a registry the cluster pulls from (docker push registry.example.com/stoker:0.1.0), "
			+ "or load it into a local cluster (kind load docker-image registry.example.com/stoker:0.1.0, "
			+ "or minikube image load registry.example.com/stoker:0.1.0); "
			+ "then set image.repository=registry.example.com/stoker and image.tag=0.1.0";

	/**
	 * The values every install must set: the image, the secrets and the PostgreSQL URL.
	 */
	private static TemplateCommand required(TemplateCommand template) {
		return secretsAndDatabase(template).set("image.repository", IMAGE_REPOSITORY);
	}

	private static TemplateCommand secretsAndDatabase(TemplateCommand template) {
		return template.set("adminToken", ADMIN_TOKEN)
			.set("masterKey", MASTER_KEY)
			.set("database.url", "jdbc:postgresql://postgres:5432/stoker")
			.set("database.password", DATABASE_PASSWORD);
	}

	private static String template(UnaryOperator<TemplateCommand> values) {
		return values.apply(new Helm(CHART).template().withName("prod").withNamespace("stoker")).call();
	}

	private static List<JsonNode> manifests(String rendered) {
		List<JsonNode> manifests = new ArrayList<>();
		try (MappingIterator<JsonNode> documents = Mappers.yaml().readerFor(JsonNode.class).readValues(rendered)) {
			while (documents.hasNext()) {
				JsonNode document = documents.next();
				if (document != null && document.isObject()) {
					manifests.add(document);
				}
			}
		}
		return manifests;
	}

	private static List<JsonNode> ofKind(List<JsonNode> manifests, String kind) {
		return manifests.stream().filter(m -> m.path("kind").asString().equals(kind)).toList();
	}

	private static JsonNode single(List<JsonNode> manifests, String kind) {
		List<JsonNode> found = ofKind(manifests, kind);
		assertThat(found).as("one %s", kind).hasSize(1);
		return found.get(0);
	}

	private static JsonNode container(List<JsonNode> manifests) {
		return single(manifests, "Deployment").at("/spec/template/spec/containers/0");
	}

	private static Map<String, JsonNode> env(JsonNode container) {
		Map<String, JsonNode> env = new java.util.LinkedHashMap<>();
		container.path("env").forEach(e -> env.put(e.path("name").asString(), e));
		return env;
	}

	@Test
	void lintsCleanInStrictMode() {
		LintResult lint = new Helm(CHART).lint().strict().call();
		assertThat(lint.isFailed()).as("lint messages: %s", lint.getMessages()).isFalse();
	}

	@Test
	void probesTheActuatorHealthGroupsOnTheHttpPort() {
		JsonNode container = container(manifests(template(HelmChartTest::required)));
		assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
		assertThat(container.at("/ports/0/name").asString()).isEqualTo("http");
		assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
		assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
		assertThat(container.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
		for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
			assertThat(container.at("/" + probe + "/httpGet/port").asString()).as(probe).isEqualTo("http");
			assertThat(container.at("/" + probe + "/periodSeconds").asInt()).as(probe).isPositive();
		}
	}

	@Test
	void runsNonRootOnAReadOnlyFilesystemWithoutCapabilities() {
		List<JsonNode> manifests = manifests(template(HelmChartTest::required));
		JsonNode pod = single(manifests, "Deployment").at("/spec/template/spec");
		assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
		assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
		assertThat(pod.at("/securityContext/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
		assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
		JsonNode security = container(manifests).path("securityContext");
		assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
		assertThat(security.path("runAsUser").asInt()).isEqualTo(10001);
		assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
		assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
		assertThat(security.at("/capabilities/drop").valueStream().map(JsonNode::asString)).containsExactly("ALL");
		assertThat(security.at("/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
		assertThat(container(manifests).path("volumeMounts").findValuesAsString("mountPath")).contains("/tmp",
				"/var/lib/stoker");
		assertThat(pod.at("/volumes/0/emptyDir").isObject()).isTrue();
	}

	@Test
	void readsEverySecretFromTheSecretAndNeverFromAPlainValue() {
		String rendered = template(HelmChartTest::required);
		List<JsonNode> manifests = manifests(rendered);
		Map<String, JsonNode> env = env(container(manifests));
		for (String name : SECRET_ENV) {
			assertThat(env.get(name).at("/valueFrom/secretKeyRef/name").asString()).as(name).isEqualTo("prod-stoker");
			assertThat(env.get(name).has("value")).as(name).isFalse();
		}
		assertThat(env.get("SPRING_DATASOURCE_URL").path("value").asString())
			.isEqualTo("jdbc:postgresql://postgres:5432/stoker");
		assertThat(env.get("SPRING_DATASOURCE_USERNAME").path("value").asString()).isEqualTo("stoker");
		assertThat(env.get("STOKER_DATADIR").path("value").asString()).isEqualTo("/var/lib/stoker");
		String plainValues = single(manifests, "Deployment").toString();
		assertThat(plainValues).doesNotContain(ADMIN_TOKEN, MASTER_KEY, DATABASE_PASSWORD);

		JsonNode secret = single(manifests, "Secret");
		assertThat(secret.at("/metadata/name").asString()).isEqualTo("prod-stoker");
		assertThat(decode(secret.at("/data/admin-token"))).isEqualTo(ADMIN_TOKEN);
		assertThat(decode(secret.at("/data/master-key"))).isEqualTo(MASTER_KEY);
		assertThat(decode(secret.at("/data/database-password"))).isEqualTo(DATABASE_PASSWORD);
	}

	private static String decode(JsonNode value) {
		return new String(Base64.getDecoder().decode(value.asString()), StandardCharsets.UTF_8);
	}

	/**
	 * The previous master key reaches the pods only while it is set: the reference is
	 * optional, so a Secret without it (the chart's own, or one of the operator's) starts
	 * them without it, and setting or removing it rolls them.
	 */
	@Test
	void readsThePreviousMasterKeyFromTheSecretOnlyWhileItIsSet() {
		List<JsonNode> without = manifests(template(HelmChartTest::required));
		JsonNode reference = env(container(without)).get("STOKER_MASTER_PREVIOUSKEY").at("/valueFrom/secretKeyRef");
		assertThat(reference.path("key").asString()).isEqualTo("previous-master-key");
		assertThat(reference.path("optional").asBoolean()).isTrue();
		assertThat(single(without, "Secret").at("/data").has("previous-master-key")).isFalse();

		List<JsonNode> with = manifests(template(t -> required(t).set("previousMasterKey", PREVIOUS_MASTER_KEY)));
		assertThat(decode(single(with, "Secret").at("/data/previous-master-key"))).isEqualTo(PREVIOUS_MASTER_KEY);
		assertThat(single(with, "Deployment").toString()).doesNotContain(PREVIOUS_MASTER_KEY);
		assertThat(checksum(with)).isNotEqualTo(checksum(without));

		assertThatThrownBy(() -> template(t -> required(t).set("previousMasterKey", "not-a-key")))
			.hasMessageContaining("previousMasterKey");
	}

	private static String checksum(List<JsonNode> manifests) {
		return single(manifests, "Deployment").at("/spec/template/metadata/annotations/checksum~1secret").asString();
	}

	/**
	 * Operations and the chart's README rotate the key with the same two upgrades: the
	 * first gives the pods the new key and the old one, the second takes the old one away
	 * again.
	 */
	@Test
	void theDocumentedMasterKeyRotationRendersAsWritten() throws Exception {
		Map<String, String> shell = Map.of("\"$NEW_KEY\"", MASTER_KEY, "\"$OLD_KEY\"", PREVIOUS_MASTER_KEY);
		for (Path page : List.of(Path.of("docs/operations.md"), CHART.resolve("README.md"))) {
			String text = Files.readString(page);
			int start = text.indexOf("# Rotating the master key\n");
			assertThat(start).as(page.toString()).isNotNegative();
			// up to the next heading, or the end of the page
			Matcher next = Pattern.compile("\n##+ ").matcher(text);
			String section = text.substring(start, next.find(start) ? next.start() : text.length());
			Matcher upgrade = Pattern
				.compile("helm upgrade stoker helm/stoker --reuse-values((?: \\\\\n)?(?: *--set \\S+))+")
				.matcher(section);
			List<List<JsonNode>> rendered = new ArrayList<>();
			while (upgrade.find()) {
				Matcher set = Pattern.compile("--set (\\S+?)=(\\S*)").matcher(upgrade.group());
				rendered.add(manifests(template(t -> {
					TemplateCommand values = required(t).set("masterKey", PREVIOUS_MASTER_KEY);
					while (set.find()) {
						values.set(set.group(1), shell.getOrDefault(set.group(2), set.group(2)));
					}
					return values;
				})));
			}
			assertThat(rendered).as(page.toString()).hasSize(2);
			JsonNode rotating = single(rendered.get(0), "Secret");
			assertThat(decode(rotating.at("/data/master-key"))).as(page.toString()).isEqualTo(MASTER_KEY);
			assertThat(decode(rotating.at("/data/previous-master-key"))).as(page.toString())
				.isEqualTo(PREVIOUS_MASTER_KEY);
			assertThat(single(rendered.get(1), "Secret").at("/data").has("previous-master-key")).as(page.toString())
				.isFalse();
		}
	}

	@Test
	void defaultsToTwoReplicasWithABudgetAndNoIngress() {
		List<JsonNode> manifests = manifests(template(HelmChartTest::required));
		assertThat(single(manifests, "Deployment").at("/spec/replicas").asInt()).isEqualTo(2);
		assertThat(single(manifests, "PodDisruptionBudget").at("/spec/maxUnavailable").asInt()).isEqualTo(1);
		assertThat(ofKind(manifests, "Ingress")).isEmpty();
		assertThat(ofKind(manifests, "PersistentVolumeClaim")).isEmpty();
		assertThat(single(manifests, "Service").at("/spec/ports/0/targetPort").asString()).isEqualTo("http");
		assertThat(single(manifests, "ServiceAccount").at("/metadata/name").asString()).isEqualTo("prod-stoker");
	}

	/**
	 * No registry serves a Stoker image: a default would name one that does not exist,
	 * and the pods would wait in ImagePullBackOff instead of the install saying what is
	 * missing.
	 */
	@Test
	void refusesToRenderWithoutAnImageAndSaysHowToMakeOne() throws Exception {
		JsonNode values = Mappers.yaml().readTree(Files.readString(CHART.resolve("values.yaml")));
		assertThat(values.at("/image/repository").asString()).isEmpty();
		assertThatThrownBy(() -> template(HelmChartTest::secretsAndDatabase)).hasMessageContaining(NO_IMAGE);
		assertThatThrownBy(() -> template(t -> required(t).set("image.repository", ""))).hasMessageContaining(NO_IMAGE);
		assertThatThrownBy(() -> template(t -> secretsAndDatabase(t).set("image.tag", "0.2.0")))
			.hasMessageContaining("docker build -t registry.example.com/stoker:0.2.0 .")
			.hasMessageContaining("image.tag=0.2.0");

		assertThat(container(manifests(template(HelmChartTest::required))).path("image").asString())
			.isEqualTo(IMAGE_REPOSITORY + ":0.1.0");
		assertThat(container(manifests(template(t -> required(t).set("image.tag", "0.2.0")))).path("image").asString())
			.isEqualTo(IMAGE_REPOSITORY + ":0.2.0");
	}

	@Test
	void refusesToRenderWithoutTheSecretsOrTheDatabase() {
		assertThatThrownBy(() -> template(t -> t.set("image.repository", IMAGE_REPOSITORY)
			.set("database.url", "jdbc:postgresql://postgres:5432/stoker")))
			.hasMessageContaining("adminToken is required");
		assertThatThrownBy(() -> template(t -> required(t).set("database.url", "")))
			.hasMessageContaining("database.url is required");
	}

	@Test
	void rendersTheProductionValuesWithoutASingleSecretValue() {
		// The secret values are set too, to prove that with existingSecret
		// they go nowhere.
		String rendered = template(t -> secretsAndDatabase(t).withValuesFile(PRODUCTION));
		List<JsonNode> manifests = manifests(rendered);
		assertThat(rendered).doesNotContain(ADMIN_TOKEN, MASTER_KEY, DATABASE_PASSWORD);
		for (String secret : List.of(ADMIN_TOKEN, MASTER_KEY, DATABASE_PASSWORD)) {
			assertThat(rendered)
				.doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
		}
		assertThat(ofKind(manifests, "Secret")).isEmpty();

		JsonNode deployment = single(manifests, "Deployment");
		assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
		Map<String, JsonNode> env = env(container(manifests));
		for (String name : SECRET_ENV) {
			assertThat(env.get(name).at("/valueFrom/secretKeyRef/name").asString()).as(name)
				.isEqualTo("stoker-credentials");
		}
		assertThat(container(manifests).path("image").asString()).isEqualTo("registry.example.com/stoker:0.1.0");
		JsonNode annotations = deployment.at("/spec/template/metadata/annotations");
		assertThat(annotations.path("prometheus.io/scrape").asString()).isEqualTo("true");
		assertThat(annotations.path("prometheus.io/path").asString()).isEqualTo("/actuator/prometheus");
		assertThat(annotations.path("prometheus.io/port").asString())
			.isEqualTo(container(manifests).at("/ports/0/containerPort").asString());
		assertThat(container(manifests).at("/resources/requests/memory").asString()).isEqualTo("512Mi");
		assertThat(container(manifests).at("/resources/limits/memory").asString()).isEqualTo("1Gi");

		JsonNode pdb = single(manifests, "PodDisruptionBudget");
		assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(deployment.at("/spec/selector/matchLabels"));

		assertThat(env.get("STOKER_PUBLICURL").path("value").asString()).isEqualTo("https://stoker.example.com");
		assertThat(env.get("SERVER_FORWARD_HEADERS_STRATEGY").path("value").asString()).isEqualTo("native");
		String bundlePath = env.get("STOKER_TLS_CABUNDLE").path("value").asString();
		JsonNode caBundle = single(manifests, "ConfigMap");
		assertThat(caBundle.at("/data/ca-bundle.pem").asString()).startsWith("-----BEGIN CERTIFICATE-----\n");
		JsonNode mount = StreamSupport.stream(container(manifests).path("volumeMounts").spliterator(), false)
			.filter((m) -> bundlePath.startsWith(m.path("mountPath").asString() + "/"))
			.findFirst()
			.orElseThrow();
		JsonNode volume = StreamSupport.stream(deployment.at("/spec/template/spec/volumes").spliterator(), false)
			.filter((v) -> v.path("name").asString().equals(mount.path("name").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(volume.at("/configMap/name").asString()).isEqualTo(caBundle.at("/metadata/name").asString());
		assertThat(bundlePath).endsWith("/ca-bundle.pem");

		JsonNode ingress = single(manifests, "Ingress");
		assertThat(ingress.at("/spec/ingressClassName").asString()).isEqualTo("nginx");
		assertThat(ingress.at("/spec/rules/0/host").asString()).isEqualTo("stoker.example.com");
		assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asString()).isEqualTo("prod-stoker");
		assertThat(ingress.at("/spec/tls/0/secretName").asString()).isEqualTo("stoker-tls");
	}

	@Test
	void drainsConnectionsBeforeShutdown() {
		List<JsonNode> manifests = manifests(template(HelmChartTest::required));
		JsonNode pod = single(manifests, "Deployment").at("/spec/template/spec");
		List<String> preStop = pod.at("/containers/0/lifecycle/preStop/exec/command")
			.valueStream()
			.map(JsonNode::asString)
			.toList();
		assertThat(preStop).containsExactly("sleep", "10");
		// Kubernetes kills the container when the grace period ends: it must cover the
		// preStop sleep plus the longest Spring's graceful shutdown may take
		Duration shutdown = DurationStyle
			.detectAndParse(applicationProperty("spring.lifecycle.timeout-per-shutdown-phase"));
		assertThat(pod.path("terminationGracePeriodSeconds").asInt())
			.isGreaterThanOrEqualTo(10 + (int) shutdown.toSeconds());
	}

	@Test
	void aReadinessProbeGetsItsAnswerBeforeItTimesOut() {
		JsonNode container = container(manifests(template(HelmChartTest::required)));
		// readiness asks the database; with the database gone it answers DOWN once the
		// pool gives up waiting for a connection, which must come before the probe gives
		// up on the answer
		assertThat(applicationProperty("management.endpoint.health.group.readiness.include")).contains("db");
		long connectionTimeoutMillis = Long
			.parseLong(applicationProperty("spring.datasource.hikari.connection-timeout"));
		assertThat(container.at("/readinessProbe/timeoutSeconds").asInt() * 1000L)
			.isGreaterThan(connectionTimeoutMillis);
		// liveness never asks PostgreSQL; embeddedDatabase asks nothing of it
		assertThat(applicationProperty("management.endpoint.health.group.liveness.include").split(","))
			.containsExactly("livenessState", "embeddedDatabase");
	}

	private static String applicationProperty(String name) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(properties).as("application.properties").containsKey(name);
		return properties.getProperty(name);
	}

	@Test
	void keepsTheEmbeddedDatabaseOnAVolumeOfASinglePod() {
		List<JsonNode> manifests = manifests(template(t -> t.set("embeddedDatabase.enabled", "true")
			.set("replicaCount", "1")
			.set("image.repository", IMAGE_REPOSITORY)
			.set("adminToken", ADMIN_TOKEN)
			.set("masterKey", MASTER_KEY)));
		JsonNode deployment = single(manifests, "Deployment");
		assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
		assertThat(deployment.at("/spec/strategy/type").asString()).isEqualTo("Recreate");
		JsonNode claim = single(manifests, "PersistentVolumeClaim");
		assertThat(deployment.at("/spec/template/spec/volumes").findValuesAsString("claimName"))
			.containsExactly(claim.at("/metadata/name").asString());
		Map<String, JsonNode> env = env(container(manifests));
		assertThat(env).doesNotContainKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_PASSWORD");
		assertThat(single(manifests, "Secret").at("/data").has("database-password")).isFalse();
		assertThat(ofKind(manifests, "PodDisruptionBudget")).isEmpty();
	}

	@Test
	void refusesTheEmbeddedDatabaseWithMoreThanOneReplica() {
		assertThatThrownBy(
				() -> template(t -> required(t).set("embeddedDatabase.enabled", "true").set("replicaCount", "2")))
			.hasMessageContaining("embeddedDatabase.enabled allows exactly 1 replica, got replicaCount=2");
	}

	@Test
	void refusesAnUnknownValue() {
		assertThatThrownBy(() -> template(t -> required(t).set("replicas", "3")))
			.hasMessageContaining("values don't meet the specifications of the schema")
			.hasMessageContaining("replicas");
	}

	@Test
	void shipsAHelmTestThatAsksForReadiness() throws Exception {
		// helm-java's template leaves hooks out, so the test pod is read as written
		// (strict lint above has rendered it).
		String test = Files.readString(CHART.resolve("templates/tests/test-connection.yaml"));
		assertThat(test).contains("helm.sh/hook: test")
			.contains("kind: Pod")
			.contains("/actuator/health/readiness")
			.contains("{{ include \"stoker.fullname\" . }}:{{ .Values.service.port }}");
	}

	@Test
	void documentsAndTypesEveryValue() throws Exception {
		JsonNode values = Mappers.yaml().readTree(Files.readString(CHART.resolve("values.yaml")));
		JsonNode schema = Mappers.json().readTree(Files.readString(CHART.resolve("values.schema.json")));
		String readme = Files.readString(CHART.resolve("README.md"));
		List<String> leaves = new ArrayList<>();
		leaves("", values, leaves);
		assertThat(leaves).allSatisfy(leaf -> assertThat(readme).as("chart README").contains("| `" + leaf + "` |"));
		assertThat(schema.path("properties").propertyNames())
			.containsExactlyInAnyOrderElementsOf(values.propertyNames());
		assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
	}

	/** Dotted paths of the values an operator sets: scalars, lists and empty maps. */
	private static void leaves(String prefix, JsonNode node, List<String> leaves) {
		if (node.isObject() && !node.isEmpty()) {
			node.properties().forEach(e -> leaves(prefix + e.getKey() + ".", e.getValue(), leaves));
		}
		else {
			leaves.add(prefix.substring(0, prefix.length() - 1));
		}
	}

	@Test
	void theDocumentedHelmInstallRendersAsWritten() throws Exception {
		String operations = Files.readString(Path.of("docs/operations.md"));
		String deploying = operations.substring(operations.indexOf("\n## Kubernetes with Helm\n"),
				operations.indexOf("\n## PostgreSQL\n"));
		String install = deploying.substring(deploying.indexOf("helm install stoker helm/stoker"),
				deploying.indexOf("helm test stoker"));
		Map<String, String> shell = Map.of("\"$STOKER_ADMIN_TOKEN\"", ADMIN_TOKEN, "\"$STOKER_MASTER_KEY\"", MASTER_KEY,
				"\"$POSTGRES_PASSWORD\"", DATABASE_PASSWORD);
		Matcher set = Pattern.compile("--set (\\S+?)=(\\S+)").matcher(install);
		List<String[]> values = new ArrayList<>();
		while (set.find()) {
			values.add(new String[] { set.group(1), shell.getOrDefault(set.group(2), set.group(2)) });
		}
		assertThat(values).hasSize(7);
		List<JsonNode> manifests = manifests(template(t -> {
			values.forEach(v -> t.set(v[0], v[1]));
			return t;
		}));
		assertThat(env(container(manifests)).get("SPRING_DATASOURCE_URL").path("value").asString())
			.isEqualTo("jdbc:postgresql://postgres:5432/stoker");
		assertThat(decode(single(manifests, "Secret").at("/data/master-key"))).isEqualTo(MASTER_KEY);
		// the pods run the image the section builds, and pushes or loads
		Matcher build = Pattern.compile("docker build -t (\\S+) \\.\n").matcher(deploying);
		assertThat(build.find()).as("the section builds the image").isTrue();
		String image = build.group(1);
		assertThat(container(manifests).path("image").asString()).isEqualTo(image);
		assertThat(deploying).contains("docker push " + image + "\n", "kind load docker-image " + image + "\n",
				"minikube image load " + image + "\n");
	}

}

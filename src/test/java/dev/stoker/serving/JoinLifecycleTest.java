package dev.stoker.serving;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.stoker.MutableClock;
import dev.stoker.SharedApplication;
import dev.stoker.json.Mappers;
import dev.stoker.secrets.ClusterSecrets;
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.secrets.StoredBeforeThePki;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The join secrets' lifetimes as a node sees them, on a clock the test moves: kubeadm
 * init starts them when the bootstrap node first fetches its Ignition; a control plane
 * joining more than 2 hours later cannot download the uploaded certificates, and any node
 * joining after the bootstrap token's 24 hours is refused. Such documents are still
 * served, with a Stoker-Warning header (and a log line) saying what to run; a rotation
 * starts the lifetime it rotates again.
 */
@SharedApplication
@ExtendWith(OutputCaptureExtension.class)
class JoinLifecycleTest {

	private static final String CLUSTER = "prod-use1";

	private static final List<String> JOINING = List.of("control-plane", "workers", "gpu");

	private static final List<String> FORMATS = List.of("butane", "ignition", "kubeadm");

	private static final Instant CREATED = Instant.parse("2026-03-02T09:15:30.123456Z");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ClusterSecrets secrets;

	@Autowired
	ApplicationContext application;

	/** The cluster the test works on. */
	private String cluster = CLUSTER;

	/** Every secret value the test has seen: none may reach the log. */
	private final List<String> seenSecrets = new ArrayList<>();

	@Test
	void joinDocumentsWarnPastTheSecretsLifetimesUntilTheyAreRotated(CapturedOutput output) throws Exception {
		at(CREATED);
		MvcTestResult created = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType("application/yaml")
			.content(Files.readString(Path.of("examples", "aws-dual-stack.yaml")))
			.exchange();
		assertThat(created).hasStatus(201);
		// a cluster stored before the control-plane PKI: init uploads the certificates
		StoredBeforeThePki.rewrite(application, CLUSTER);
		Map<String, String> fetchTokens = fetchTokens(created);
		assertThat(fetchTokens).containsOnlyKeys("bootstrap", "control-plane", "workers", "gpu");
		seenSecrets.addAll(fetchTokens.values());
		remember(secrets.load(CLUSTER).orElseThrow());

		// Nothing is registered before the bootstrap node boots, however late. Its Butane
		// and kubeadm config are not what it boots with: they start nothing.
		clock.advance(Duration.ofDays(30));
		for (String group : JOINING) {
			assertThat(warnings(group)).as(group).isEmpty();
		}
		for (String format : List.of("butane", "kubeadm")) {
			MvcTestResult notBooted = mvc.get()
				.uri("/api/v1/clusters/{name}/node-groups/bootstrap/{format}", CLUSTER, format)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
				.exchange();
			assertThat(notBooted).hasStatusOk();
			assertThat(notBooted.getResponse().getHeaders(DocumentController.WARNING)).isEmpty();
		}
		assertThat(secrets.clocks(CLUSTER).orElseThrow().bootstrapFetchedAt()).isNull();

		Instant firstFetch = clock.instant();
		MvcTestResult bootstrap = mvc.get()
			.uri("/api/v1/clusters/{name}/node-groups/bootstrap/ignition", CLUSTER)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + fetchTokens.get("bootstrap"))
			.exchange();
		assertThat(bootstrap).hasStatusOk();
		assertThat(bootstrap.getResponse().getHeaders(DocumentController.WARNING)).isEmpty();
		assertThat(secrets.clocks(CLUSTER).orElseThrow().bootstrapFetchedAt()).isEqualTo(firstFetch);

		// a rebooted bootstrap node fetches again; kubeadm init ran at the first one
		clock.advance(Duration.ofHours(1));
		assertThat(mvc.get()
			.uri("/api/v1/clusters/{name}/node-groups/bootstrap/ignition", CLUSTER)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + fetchTokens.get("bootstrap"))).hasStatusOk();
		assertThat(secrets.clocks(CLUSTER).orElseThrow().bootstrapFetchedAt()).isEqualTo(firstFetch);

		at(firstFetch.plus(Duration.ofMinutes(119)));
		for (String group : JOINING) {
			assertThat(warnings(group)).as(group).isEmpty();
		}
		at(firstFetch.plus(Duration.ofHours(2)));
		assertThat(warnings("control-plane")).as("exactly 2 hours is not more than 2 hours").isEmpty();

		at(firstFetch.plus(Duration.ofHours(2)).plusSeconds(1));
		assertThat(warnings("control-plane")).singleElement().satisfies((warning) -> {
			assertCertificates(warning);
			assertThat(warning).as("since the first fetch, not the second").contains(firstFetch.toString());
		});
		assertThat(warnings("workers")).isEmpty();
		assertThat(warnings("gpu")).isEmpty();
		assertThat(warnings("bootstrap")).isEmpty();
		assertThat(output.getAll()).contains("Cluster " + CLUSTER + " node group control-plane: served kubeadm, but: "
				+ "The control-plane certificates were uploaded at " + firstFetch);

		at(firstFetch.plus(Duration.ofHours(24)));
		assertThat(warnings("workers")).as("exactly 24 hours is not past the TTL").isEmpty();

		at(firstFetch.plus(Duration.ofHours(24)).plusSeconds(1));
		assertThat(warnings("workers")).singleElement().satisfies(this::assertBootstrapToken);
		assertThat(warnings("gpu")).singleElement().satisfies(this::assertBootstrapToken);
		assertThat(warnings("control-plane")).satisfiesExactly(this::assertCertificates, this::assertBootstrapToken);
		assertThat(warnings("bootstrap")).isEmpty();
		assertThat(output.getAll()).contains("Cluster " + CLUSTER + " node group workers: served ignition, but: "
				+ "The bootstrap token was registered at " + firstFetch);

		// A new certificate key ends the certificates' warning only: the token is still
		// the expired one.
		at(firstFetch.plus(Duration.ofHours(25)));
		rotate("{\"certificateKey\": true}");
		assertThat(warnings("control-plane")).singleElement().satisfies(this::assertBootstrapToken);
		assertThat(warnings("workers")).singleElement().satisfies(this::assertBootstrapToken);

		clock.advance(Duration.ofMinutes(1));
		Instant tokenRotated = clock.instant();
		rotate("{\"bootstrapToken\": true}");
		assertThat(warnings("control-plane")).isEmpty();
		for (String group : JOINING) {
			assertThat(warnings(group)).as(group).isEmpty();
		}

		// the new token's TTL runs from its rotation
		at(tokenRotated.plus(Duration.ofHours(24)));
		assertThat(warnings("workers")).isEmpty();
		at(tokenRotated.plus(Duration.ofHours(24)).plusSeconds(1));
		assertThat(warnings("workers")).singleElement().satisfies((warning) -> {
			assertBootstrapToken(warning);
			assertThat(warning).contains(tokenRotated.toString());
		});
		assertThat(warnings("gpu")).singleElement().satisfies(this::assertBootstrapToken);
		assertThat(warnings("control-plane")).satisfiesExactly(this::assertCertificates, this::assertBootstrapToken);

		assertThat(output.getAll()).doesNotContain(seenSecrets);
	}

	/**
	 * A cluster created now: its control planes get the shared keys from their documents,
	 * nothing is uploaded, and so no document ever warns of the 2-hour window; the
	 * bootstrap token's lifetime still does.
	 */
	@Test
	void aClusterWithTheControlPlanePkiHasNoCertificateWindow(CapturedOutput output) throws Exception {
		cluster = "shared-pki";
		at(CREATED);
		MvcTestResult created = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType("application/yaml")
			.content(Files.readString(Path.of("examples", "aws-dual-stack.yaml"))
				.replace("name: " + CLUSTER + "\n", "name: " + cluster + "\n"))
			.exchange();
		assertThat(created).hasStatus(201);
		Map<String, String> fetchTokens = fetchTokens(created);
		seenSecrets.addAll(fetchTokens.values());
		remember(secrets.load(cluster).orElseThrow());
		Instant firstFetch = clock.instant();
		assertThat(mvc.get()
			.uri("/api/v1/clusters/{name}/node-groups/bootstrap/ignition", cluster)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + fetchTokens.get("bootstrap"))).hasStatusOk();

		at(firstFetch.plus(Duration.ofHours(2)).plusSeconds(1));
		for (String group : JOINING) {
			assertThat(warnings(group)).as(group).isEmpty();
		}
		at(firstFetch.plus(Duration.ofDays(400)));
		assertThat(warnings("control-plane")).singleElement().satisfies(this::assertBootstrapToken);
		assertThat(warnings("workers")).singleElement().satisfies(this::assertBootstrapToken);
		assertThat(mvc.post()
			.uri("/api/v1/clusters/{name}/secrets/rotate", cluster)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"certificateKey\": true}")).hasStatus(400);
		rotate("{\"bootstrapToken\": true}");
		assertThat(warnings("control-plane")).isEmpty();

		assertThat(output.getAll()).contains("Cluster " + cluster + " node group control-plane: served")
			.doesNotContain("The control-plane certificates were uploaded")
			.doesNotContain(seenSecrets);
	}

	private void at(Instant instant) {
		clock.set(instant);
	}

	/**
	 * The warnings of a group's documents; every format a node may boot with carries the
	 * same ones.
	 */
	private List<String> warnings(String group) {
		List<List<String>> perFormat = new ArrayList<>();
		for (String format : FORMATS) {
			MvcTestResult result = mvc.get()
				.uri("/api/v1/clusters/{name}/node-groups/{group}/{format}", cluster, group, format)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
				.exchange();
			assertThat(result).as(group + " " + format).hasStatusOk();
			// the join warnings, not the Ignition's size: a control plane's Ignition is
			// over
			// EC2's user-data limit, which only that format's answer says
			perFormat.add(result.getResponse()
				.getHeaders(DocumentController.WARNING)
				.stream()
				.filter((warning) -> !warning.startsWith("The document is "))
				.toList());
		}
		assertThat(perFormat).as(group + ": the same warnings in " + FORMATS).containsOnly(perFormat.get(0));
		return perFormat.get(0);
	}

	private void rotate(String body) throws Exception {
		MvcTestResult rotated = mvc.post()
			.uri("/api/v1/clusters/{name}/secrets/rotate", cluster)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(rotated).hasStatusOk();
		remember(secrets.load(cluster).orElseThrow());
	}

	private void remember(KubeadmSecrets current) {
		seenSecrets.add(current.bootstrapToken().value());
		seenSecrets.add(current.bootstrapToken().secret());
		if (current.certificateKey() != null) {
			seenSecrets.add(current.certificateKey().hex());
		}
		current.ca().privateKeyPem().lines().filter((line) -> !line.startsWith("-----")).forEach(seenSecrets::add);
	}

	private void assertCertificates(String warning) {
		assertThat(warning).contains("certificates", "2 hours", "/api/v1/clusters/" + cluster + "/secrets/rotate",
				"\"certificateKey\": true", "upload-certs");
		assertThat(warning).doesNotContain("bootstrap token");
	}

	private void assertBootstrapToken(String warning) {
		assertThat(warning).contains("bootstrap token", "24-hour", "/api/v1/clusters/" + cluster + "/secrets/rotate",
				"\"bootstrapToken\": true", "kubeadm token create");
		assertThat(warning).doesNotContain("certificates");
	}

	/** The creation answer's fetchTokens: node group name to token. */
	static Map<String, String> fetchTokens(MvcTestResult created) throws Exception {
		Map<String, String> tokens = new LinkedHashMap<>();
		Mappers.json()
			.readTree(created.getResponse().getContentAsString())
			.path("fetchTokens")
			.properties()
			.forEach((entry) -> tokens.put(entry.getKey(), entry.getValue().asString()));
		return tokens;
	}

}

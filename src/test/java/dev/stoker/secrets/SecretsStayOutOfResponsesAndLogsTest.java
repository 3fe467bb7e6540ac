package dev.stoker.secrets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.stoker.SharedApplication;
import dev.stoker.TestDefinitions;
import dev.stoker.json.Mappers;
import tools.jackson.databind.JsonNode;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster created over HTTP has secrets, and none of them shows in any answer about it,
 * nor in the log, even with Stoker's and the JDBC layer's logging at its most talkative.
 */
@SharedApplication
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsStayOutOfResponsesAndLogsTest {

	/**
	 * Set to TRACE on the running application for this class, as the logging.level
	 * properties would set them at its start, and set back afterwards.
	 */
	private static final List<String> TALKATIVE = List.of("dev.stoker", "org.springframework.jdbc",
			"org.springframework.transaction");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ClusterSecrets secrets;

	@Autowired
	ApplicationContext application;

	@Autowired
	LoggingSystem logging;

	/**
	 * Each talkative logger's level before this class; null when it had none of its own.
	 */
	private final Map<String, LogLevel> levelsBefore = new HashMap<>();

	@BeforeAll
	void logAtTrace() {
		for (String logger : TALKATIVE) {
			LoggerConfiguration configuration = logging.getLoggerConfiguration(logger);
			levelsBefore.put(logger, (configuration != null) ? configuration.getConfiguredLevel() : null);
			logging.setLogLevel(logger, LogLevel.TRACE);
		}
	}

	@AfterAll
	void logAsBefore() {
		levelsBefore.forEach(logging::setLogLevel);
	}

	@Test
	void noGeneratedSecretAppearsInTheAnswersOrTheLog(CapturedOutput output) throws Exception {
		MvcTestResult created = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestDefinitions.dualStackAws("quiet"))
			.exchange();
		assertThat(created).hasStatus(201);
		MvcTestResult one = mvc.get()
			.uri("/api/v1/clusters/quiet")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange();
		MvcTestResult all = mvc.get()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange();
		MvcTestResult yaml = mvc.get()
			.uri("/api/v1/clusters/quiet")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.accept(MediaType.parseMediaType("application/yaml"))
			.exchange();
		assertThat(one).hasStatusOk();
		assertThat(all).hasStatusOk();

		KubeadmSecrets generated = secrets.load("quiet").orElseThrow();
		List<String> values = values(generated);
		for (MvcTestResult answer : List.of(created, one, all, yaml)) {
			String body = answer.getResponse().getContentAsString();
			assertThat(body).isNotEmpty().doesNotContain(values);
			assertThat(answer.getResponse().getHeaderNames())
				.allSatisfy((name) -> assertThat(String.join(",", answer.getResponse().getHeaders(name)))
					.doesNotContain(values));
		}
		assertThat(output.getAll()).contains("quiet").doesNotContain(values);
	}

	/**
	 * The node-access paths, at TRACE: fetching with a group's token, refusals of wrong
	 * and rotated-away tokens, the user-data pointer, and both rotations. Each value that
	 * was generated or answered is searched for in the log.
	 */
	@Test
	void noFetchTokenOrRotatedSecretAppearsInTheLog(CapturedOutput output) throws Exception {
		MvcTestResult created = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestDefinitions.dualStackAws("loud"))
			.exchange();
		assertThat(created).hasStatus(201);
		JsonNode tokens = Mappers.json().readTree(created.getResponse().getContentAsString()).get("fetchTokens");
		List<String> values = new ArrayList<>(values(secrets.load("loud").orElseThrow()));
		tokens.propertyNames().forEach((group) -> values.add(tokens.get(group).asString()));
		String workers = tokens.get("workers").asString();

		assertThat(get("/api/v1/clusters/loud/node-groups/workers/ignition", workers)).hasStatusOk();
		assertThat(get("/api/v1/clusters/loud/node-groups/bootstrap/ignition", workers)).hasStatus(403);
		assertThat(get("/api/v1/clusters/loud/node-groups/workers/user-data?verify=true", adminToken())).hasStatusOk();
		MvcTestResult rotatedToken = mvc.post()
			.uri("/api/v1/clusters/loud/node-groups/workers/fetch-token/rotate")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange();
		values
			.add(Mappers.json().readTree(rotatedToken.getResponse().getContentAsString()).get("fetchToken").asString());
		assertThat(get("/api/v1/clusters/loud/node-groups/workers/ignition", workers)).hasStatus(401);
		MvcTestResult refused = rotate("loud", "{\"bootstrapToken\": true, \"certificateKey\": true}");
		assertThat(refused).hasStatus(400);
		assertThat(refused.getResponse().getContentAsString()).doesNotContain(values);
		assertThat(rotate("loud", "{\"bootstrapToken\": true}")).hasStatusOk();
		values.addAll(values(secrets.load("loud").orElseThrow()));
		// a cluster stored before the control-plane PKI rotates its certificate key too
		StoredBeforeThePki.rewrite(application, "loud");
		values.addAll(values(secrets.load("loud").orElseThrow()));
		assertThat(rotate("loud", "{\"bootstrapToken\": true, \"certificateKey\": true}")).hasStatusOk();
		values.addAll(values(secrets.load("loud").orElseThrow()));

		assertThat(output.getAll()).contains("loud").doesNotContain(values);
	}

	private MvcTestResult rotate(String cluster, String body) {
		return mvc.post()
			.uri("/api/v1/clusters/" + cluster + "/secrets/rotate")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult get(String path, String bearer) {
		return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer).exchange();
	}

	/**
	 * Each secret whole, and the parts a careless log line would show: the token's secret
	 * half, the key material of the PEMs line by line.
	 */
	private static List<String> values(KubeadmSecrets secrets) {
		List<String> values = new ArrayList<>(
				List.of(secrets.bootstrapToken().value(), secrets.bootstrapToken().secret()));
		if (secrets.certificateKey() != null) {
			values.add(secrets.certificateKey().hex());
		}
		List<String> privateKeys = new ArrayList<>(List.of(secrets.ca().privateKeyPem()));
		ControlPlanePki pki = secrets.controlPlanePki();
		if (pki != null) {
			privateKeys.addAll(List.of(pki.frontProxyCa().privateKeyPem(), pki.etcdCa().privateKeyPem(),
					pki.serviceAccount().privateKeyPem()));
		}
		for (String key : privateKeys) {
			values.add(key);
			key.lines().filter((line) -> !line.startsWith("-----")).forEach(values::add);
			values.add(SecretGeneratorTest.body(key));
		}
		return values;
	}

}

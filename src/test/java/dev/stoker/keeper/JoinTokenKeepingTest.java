package dev.stoker.keeper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import dev.stoker.MutableClock;
import dev.stoker.SharedApplication;
import dev.stoker.audit.AuditEvent;
import dev.stoker.audit.AuditLog;
import dev.stoker.json.Mappers;
import dev.stoker.secrets.ClusterSecrets;
import dev.stoker.secrets.KeeperTokens;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster's join tokens as Stoker serves them to its keepers, on a clock the test
 * moves: what the list holds before and after a rotation's grace period, what the
 * credential is audited as, where it lands, and the warnings drawn from the keepers'
 * check-ins instead of the bootstrap fetch.
 */
@SharedApplication
@ExtendWith(OutputCaptureExtension.class)
class JoinTokenKeepingTest {

	private static final String CLUSTER = "kept-use1";

	private static final Instant CREATED = Instant.parse("2026-05-04T08:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ClusterSecrets secrets;

	@Autowired
	KeeperTokens keeperTokens;

	@Autowired
	AuditLog audit;

	@Test
	void theKeepersKeepTheTokenForFourHundredDaysAndARotationIsOneCall(CapturedOutput output) throws Exception {
		clock.set(CREATED);
		assertThat(mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, admin())
			.contentType("application/yaml")
			.content(Files.readString(Path.of("examples", "aws-dual-stack.yaml"))
				.replace("name: prod-use1", "name: " + CLUSTER))
			.exchange()).hasStatus(201);
		String keeper = "Bearer " + keeperTokens.find(CLUSTER).orElseThrow().value();
		String first = secrets.load(CLUSTER).orElseThrow().bootstrapToken().value();

		// only control-plane documents carry the credential and the keeper
		for (String group : List.of("bootstrap", "control-plane")) {
			assertThat(document(group)).contains(keeper.substring("Bearer ".length()))
				.contains("/etc/stoker/keeper-credential")
				.contains("stoker-join-token-keeper.timer");
		}
		for (String group : List.of("workers", "gpu")) {
			assertThat(document(group)).doesNotContain(keeper.substring("Bearer ".length()))
				.doesNotContain("/etc/stoker/keeper-credential")
				.doesNotContain("stoker-join-token-keeper");
		}

		assertThat(listAsKeeper(keeper)).isEqualTo(first + "\n");
		assertThat(audit.list(CLUSTER, null, 1).orElseThrow()).singleElement().satisfies((event) -> {
			assertThat(event.document()).isEqualTo("join-tokens");
			assertThat(event.credentialKind()).isEqualTo("keeper-token");
			assertThat(event.credentialId()).isEqualTo(keeperTokens.find(CLUSTER).orElseThrow().id());
		});

		// day 1: the bootstrap node boots and its keeper checks in
		assertThat(mvc.get()
			.uri("/api/v1/clusters/{name}/node-groups/bootstrap/ignition", CLUSTER)
			.header(HttpHeaders.AUTHORIZATION, admin())
			.exchange()).hasStatusOk();
		clock.advance(Duration.ofMinutes(5));
		checkIn(keeper, "ip-10-0-1-5", first.substring(0, 6));
		assertThat(warnings("workers")).isEmpty();

		// day 400: a keeper checked in an hour ago, so the bootstrap fetch's clock says
		// nothing
		clock.advance(Duration.ofDays(400));
		checkIn(keeper, "ip-10-0-1-6", first.substring(0, 6));
		clock.advance(Duration.ofHours(1));
		assertThat(warnings("workers")).isEmpty();
		assertThat(warnings("control-plane")).noneMatch((warning) -> warning.contains("bootstrap token"));

		// no keeper for a day: the token may have lapsed
		clock.advance(Duration.ofHours(23));
		assertThat(warnings("workers")).singleElement()
			.asString()
			.startsWith("No join-token keeper of this cluster has checked in since")
			.contains("journalctl -u stoker-join-token-keeper.service")
			.contains("GET /api/v1/clusters/" + CLUSTER + "/join-tokens");
		assertThat(output.getAll()).contains("No join-token keeper of this cluster has checked in since");
		checkIn(keeper, "ip-10-0-1-6", first.substring(0, 6));

		// rotation: one call; the new token is current at once, the old one listed for an
		// hour
		Instant rotatedAt = clock.instant();
		MvcTestResult rotated = mvc.post()
			.uri("/api/v1/clusters/{name}/secrets/rotate", CLUSTER)
			.header(HttpHeaders.AUTHORIZATION, admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"bootstrapToken\": true}")
			.exchange();
		assertThat(rotated).hasStatusOk();
		JsonNode answer = Mappers.json().readTree(rotated.getResponse().getContentAsString());
		String second = answer.get("bootstrapToken").asString();
		assertThat(Instant.parse(answer.get("bootstrapTokenAcceptedBy").asString()))
			.isEqualTo(rotatedAt.plus(Duration.ofMinutes(13)));
		assertThat(Instant.parse(answer.get("previousBootstrapTokenListedUntil").asString()))
			.isEqualTo(rotatedAt.plus(Duration.ofHours(1)));
		assertThat(answer.get("commands").size()).as("nothing to run by hand").isZero();
		assertThat(document("workers")).contains(second).doesNotContain(first);
		assertThat(listAsKeeper(keeper)).isEqualTo(second + "\n" + first + "\n");
		assertThat(warnings("workers")).singleElement()
			.asString()
			.startsWith("The keepers have not yet reported the current bootstrap token registered");

		checkIn(keeper, "ip-10-0-1-6", second.substring(0, 6), first.substring(0, 6));
		assertThat(warnings("workers")).isEmpty();
		clock.advance(Duration.ofMinutes(59));
		assertThat(listAsKeeper(keeper)).isEqualTo(second + "\n" + first + "\n");
		clock.advance(Duration.ofMinutes(2));
		assertThat(listAsKeeper(keeper)).isEqualTo(second + "\n");

		JsonNode listed = Mappers.json()
			.readTree(mvc.get()
				.uri("/api/v1/clusters/{name}/join-tokens", CLUSTER)
				.header(HttpHeaders.AUTHORIZATION, admin())
				.exchange()
				.getResponse()
				.getContentAsString());
		// ip-10-0-1-5's check-in of day 1 is older than the 30 days check-ins are kept
		assertThat(listed.get("keepers").size()).isEqualTo(1);
		assertThat(listed.get("keepers").get(0).get("node").asString()).isEqualTo("ip-10-0-1-6");
		assertThat(listed.get("keepers").get(0).get("present").size()).isEqualTo(2);
		assertThat(listed.get("tokens").size()).isEqualTo(1);
		assertThat(listed.get("tokens").get(0).get("current").asBoolean()).isTrue();

		String metrics = mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString();
		assertThat(metrics).containsPattern("stoker_keeper_check_in_age_seconds\\{.*cluster=\"" + CLUSTER + "\".*\\} ");
		assertThat(output.getAll()).doesNotContain(first)
			.doesNotContain(second)
			.doesNotContain(keeper.substring("Bearer ".length()));
		assertThat(audit.list(CLUSTER, null, 100).orElseThrow()).extracting(AuditEvent::document)
			.contains("join-tokens", "rotated-secrets");
	}

	@Test
	void aCheckInThatIsNotOneIsRefusedAtItsPointerWithoutEchoingIt() throws Exception {
		MvcTestResult refused = mvc.post()
			.uri("/api/v1/clusters/{name}/join-tokens/check-ins", "any")
			.header(HttpHeaders.AUTHORIZATION, admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"node\": \"Evil Host\", \"present\": [\"abcdef.0123456789abcdef\"]}")
			.exchange();
		assertThat(refused).hasStatus(400);
		String body = refused.getResponse().getContentAsString();
		assertThat(body).contains("\"/node\"")
			.contains("\"/present/0\"")
			.doesNotContain("Evil")
			.doesNotContain("abcdef");
	}

	private String listAsKeeper(String keeper) throws Exception {
		MvcTestResult listed = mvc.get()
			.uri("/api/v1/clusters/{name}/join-tokens", CLUSTER)
			.header(HttpHeaders.AUTHORIZATION, keeper)
			.accept(MediaType.TEXT_PLAIN)
			.exchange();
		assertThat(listed).hasStatusOk();
		assertThat(listed.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		return listed.getResponse().getContentAsString();
	}

	private void checkIn(String keeper, String node, String... present) throws Exception {
		String ids = String.join(",", java.util.Arrays.stream(present).map((id) -> "\"" + id + "\"").toList());
		assertThat(mvc.post()
			.uri("/api/v1/clusters/{name}/join-tokens/check-ins", CLUSTER)
			.header(HttpHeaders.AUTHORIZATION, keeper)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"node\": \"" + node + "\", \"present\": [" + ids
					+ "], \"added\": [], \"extended\": [], \"deleted\": []}")
			.exchange()).hasStatus(204);
	}

	private String document(String group) throws Exception {
		MvcTestResult result = mvc.get()
			.uri("/api/v1/clusters/{name}/node-groups/{group}/butane", CLUSTER, group)
			.header(HttpHeaders.AUTHORIZATION, admin())
			.exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

	private List<String> warnings(String group) {
		MvcTestResult result = mvc.get()
			.uri("/api/v1/clusters/{name}/node-groups/{group}/ignition", CLUSTER, group)
			.header(HttpHeaders.AUTHORIZATION, admin())
			.exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getHeaders("Stoker-Warning");
	}

	private static String admin() {
		return "Bearer " + adminToken();
	}

}

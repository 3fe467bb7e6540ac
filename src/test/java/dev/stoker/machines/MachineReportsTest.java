package dev.stoker.machines;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.stoker.MutableClock;
import dev.stoker.SharedApplication;
import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneYaml;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.json.Mappers;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Machines reporting through the whole application: the credential their documents carry,
 * what it opens, what the admin reads back, the stuck flag and the gauges, and what
 * Stoker served them in /etc/stoker/served.json.
 */
@SharedApplication
class MachineReportsTest {

	static final String MACHINE = "4c4c4544003510358052b4c04f4b3332";

	static final String OTHER = "0123456789abcdef0123456789abcdef";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	MeterRegistry meters;

	private JsonNode created;

	@BeforeEach
	void cluster() throws Exception {
		clock.followSystemClock();
		admin(mvc.delete().uri("/api/v1/clusters/prod-use1"));
		admin(mvc.delete().uri("/api/v1/clusters/other"));
		MvcTestResult result = admin(mvc.post()
			.uri("/api/v1/clusters")
			.contentType("application/yaml")
			.content(Files.readString(Path.of("examples", "aws-dual-stack.yaml"))));
		assertThat(result).hasStatus(201);
		created = Mappers.json().readTree(result.getResponse().getContentAsString());
	}

	@Test
	void aMachineMovesThroughItsPhasesAndTheAdminReadsThem() throws Exception {
		String credential = reportCredential("prod-use1", "workers");
		assertThat(credential).matches("str\\.[a-z0-9]{12}\\.[A-Za-z0-9_-]{43}");
		assertThat(report("prod-use1", credential, "{\"machineId\":\"" + MACHINE
				+ "\",\"instanceId\":\"i-0123456789abcdef0\",\"revision\":1," + "\"phase\":\"ignition-done\"}"))
			.hasStatus(204);
		assertThat(report("prod-use1", credential, phase(MACHINE, "kubeadm-started"))).hasStatus(204);
		String journal = IntStream.rangeClosed(1, 60)
			.mapToObj((i) -> "line " + i + ((i == 60) ? " \u001b[31merror\u001b[0m" : ""))
			.collect(Collectors.joining("\n"));
		assertThat(report("prod-use1", credential,
				"{\"machineId\":\"" + MACHINE + "\",\"revision\":1,\"phase\":\"failed\",\"exitStatus\":1,\"journal\":\""
						+ Base64.getEncoder().encodeToString(journal.getBytes(StandardCharsets.UTF_8)) + "\"}"))
			.hasStatus(204);

		JsonNode failed = machine(machines("prod-use1"), "workers", MACHINE);
		assertThat(failed.get("phase").asString()).isEqualTo("failed");
		assertThat(failed.get("exitStatus").asInt()).isEqualTo(1);
		assertThat(failed.get("instanceId").asString()).isEqualTo("i-0123456789abcdef0");
		assertThat(failed.get("journal")).hasSize(50);
		assertThat(failed.get("journal").get(0).asString()).isEqualTo("line 11");
		// a terminal must never be handed escape sequences a node wrote
		assertThat(failed.get("journal").get(49).asString()).isEqualTo("line 60 \uFFFD[31merror\uFFFD[0m");
		assertThat(failed.get("stuck").asBoolean()).isFalse();

		assertThat(report("prod-use1", credential, "{\"machineId\":\"" + MACHINE
				+ "\",\"revision\":1,\"phase\":\"joined\",\"node\":\"ip-10-0-1-5.ec2.internal\",\"addresses\":"
				+ "[{\"type\":\"InternalIP\",\"address\":\"10.0.1.5\"},{\"type\":\"InternalIP\",\"address\":\"2600:1f18::5\"}]}"))
			.hasStatus(204);
		JsonNode listing = machines("prod-use1");
		assertThat(listing.get("stuckAfterSeconds").asLong()).isEqualTo(1800);
		assertThat(listing.get("groups").findValuesAsString("name")).containsExactly("bootstrap", "control-plane",
				"workers", "gpu");
		JsonNode joined = machine(listing, "workers", MACHINE);
		assertThat(joined.get("phase").asString()).isEqualTo("joined");
		assertThat(joined.get("node").asString()).isEqualTo("ip-10-0-1-5.ec2.internal");
		assertThat(joined.get("addresses").findValuesAsString("address")).containsExactly("10.0.1.5", "2600:1f18::5");
		assertThat(joined.has("journal")).as("a joined machine's old failure is dropped").isFalse();
		assertThat(joined.has("exitStatus")).isFalse();
		assertThat(joined.get("revision").asLong()).isEqualTo(1);
	}

	@Test
	void aMachineThatDoesNotMoveIsStuckAndTheGaugesCountIt() throws Exception {
		String credential = reportCredential("prod-use1", "workers");
		assertThat(report("prod-use1", credential, phase(MACHINE, "kubeadm-started"))).hasStatus(204);
		assertThat(report("prod-use1", credential, phase(OTHER, "kubeadm-started"))).hasStatus(204);
		clock.advance(Duration.ofMinutes(20));
		// the same phase again is no move
		assertThat(report("prod-use1", credential, phase(MACHINE, "kubeadm-started"))).hasStatus(204);
		assertThat(report("prod-use1", credential, phase(OTHER, "failed").replace("}", ",\"exitStatus\":2}")))
			.hasStatus(204);
		clock.advance(Duration.ofMinutes(11));

		JsonNode listing = machines("prod-use1");
		assertThat(machine(listing, "workers", MACHINE).get("stuck").asBoolean()).isTrue();
		assertThat(machine(listing, "workers", OTHER).get("stuck").asBoolean()).isFalse();
		assertThat(gauge("stoker.machines", "phase", "kubeadm-started")).isEqualTo(1);
		assertThat(gauge("stoker.machines", "phase", "failed")).isEqualTo(1);
		assertThat(gauge("stoker.machines", "phase", "joined")).isEqualTo(0);
		assertThat(gauge("stoker.machines.stuck", null, null)).isEqualTo(1);

		clock.advance(Duration.ofMinutes(30));
		assertThat(gauge("stoker.machines.stuck", null, null)).isEqualTo(2);
	}

	@Test
	void theReportCredentialOpensItsGroupsReportsAndNothingElse() throws Exception {
		String credential = reportCredential("prod-use1", "workers");
		String fetchToken = created.get("fetchTokens").get("workers").asString();
		for (String path : List.of("/api/v1/clusters/prod-use1/node-groups/workers/ignition",
				"/api/v1/clusters/prod-use1/node-groups/workers/butane", "/api/v1/clusters/prod-use1/machines",
				"/api/v1/clusters/prod-use1/join-tokens", "/api/v1/clusters/prod-use1", "/api/v1/clusters",
				"/api/v1/clusters/prod-use1/audit")) {
			assertThat(mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + credential).exchange())
				.as(path)
				.hasStatus(403);
		}
		assertThat(mvc.post()
			.uri("/api/v1/clusters/prod-use1/join-tokens/check-ins")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + credential)
			.contentType("application/json")
			.content("{\"node\":\"cp-1\"}")
			.exchange()).hasStatus(403);
		createOther();
		assertThat(report("other", credential, phase(MACHINE, "ignition-done"))).as("another cluster's reports")
			.hasStatus(403);

		// the admin token, a fetch token and a keeper credential cannot report: a report
		// is filed under the report credential's group
		assertThat(report("prod-use1", adminToken(), phase(MACHINE, "ignition-done"))).hasStatus(403);
		assertThat(report("prod-use1", fetchToken, phase(MACHINE, "ignition-done"))).hasStatus(403);
		String keeper = ButaneYaml.read(butane("prod-use1", "control-plane"))
			.storage()
			.files()
			.stream()
			.filter((file) -> file.path().equals("/etc/stoker/keeper-credential"))
			.findFirst()
			.orElseThrow()
			.contents()
			.inline();
		assertThat(report("prod-use1", keeper, phase(MACHINE, "ignition-done"))).hasStatus(403);
		assertThat(machine(machines("prod-use1"), "workers", MACHINE)).isNull();

		assertThat(report("prod-use1", credential, phase(MACHINE, "ignition-done"))).hasStatus(204);
		assertThat(machine(machines("prod-use1"), "workers", MACHINE)).isNotNull();
	}

	@Test
	void aRotatedCredentialIsRefusedAndTheDocumentsCarryTheNewOne() throws Exception {
		String old = reportCredential("prod-use1", "gpu");
		MvcTestResult rotated = admin(
				mvc.post().uri("/api/v1/clusters/prod-use1/node-groups/gpu/report-credential/rotate"));
		assertThat(rotated).hasStatusOk();
		assertThat(rotated.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		JsonNode answer = Mappers.json().readTree(rotated.getResponse().getContentAsString());
		assertThat(answer.get("revision").asLong()).isEqualTo(2);
		String fresh = answer.get("reportCredential").asString();
		assertThat(fresh).isNotEqualTo(old).isEqualTo(reportCredential("prod-use1", "gpu"));
		assertThat(report("prod-use1", old, phase(MACHINE, "ignition-done"))).hasStatus(401);
		assertThat(report("prod-use1", fresh, phase(MACHINE, "ignition-done"))).hasStatus(204);
		assertThat(admin(mvc.post().uri("/api/v1/clusters/prod-use1/node-groups/nope/report-credential/rotate")))
			.hasStatus(404);
		JsonNode audit = Mappers.json()
			.readTree(admin(mvc.get().uri("/api/v1/clusters/prod-use1/audit")).getResponse().getContentAsString());
		assertThat(audit.findValuesAsString("document")).contains("report-credential");
		assertThat(audit.toString()).doesNotContain(fresh);
	}

	@Test
	void hostileReportsAreRefusedAndChangeNothing() throws Exception {
		String credential = reportCredential("prod-use1", "workers");
		assertThat(report("prod-use1", credential, phase(MACHINE, "ignition-done"))).hasStatus(204);
		String before = machines("prod-use1").toString();
		String hostile = "{\"machineId\":\"" + MACHINE + "\",\"revision\":1,\"phase\":\"joined\",\"node\":\"x\\u0000\","
				+ "\"addresses\":[{\"type\":\"<script>\",\"address\":\"10.0.0.1; rm -rf /\"}]}";
		MvcTestResult refused = report("prod-use1", credential, hostile);
		assertThat(refused).hasStatus(400);
		String body = refused.getResponse().getContentAsString();
		assertThat(body).contains("/node", "/addresses/0/type", "/addresses/0/address")
			.doesNotContain("<script>")
			.doesNotContain("rm -rf");
		assertThat(report("prod-use1", credential, "not json")).hasStatus(400);
		assertThat(report("prod-use1", credential, "[]")).hasStatus(400);
		MvcTestResult tooLarge = mvc.post()
			.uri("/api/v1/clusters/prod-use1/machines/reports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + credential)
			.contentType("application/json")
			.content("{\"machineId\":\"" + MACHINE + "\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}")
			.exchange();
		assertThat(tooLarge).hasStatus(413);
		assertThat(machines("prod-use1").toString()).isEqualTo(before);
	}

	@Test
	void theServedFileNamesTheDocumentAndHashesTheIgnitionWithoutIt() throws Exception {
		MvcTestResult served = admin(mvc.get().uri("/api/v1/clusters/prod-use1/node-groups/workers/ignition"));
		assertThat(served).hasStatusOk();
		String ignition = served.getResponse().getContentAsString();
		ObjectNode document = (ObjectNode) Mappers.json().readTree(ignition);
		ArrayNode files = (ArrayNode) document.get("storage").get("files");
		JsonNode last = files.get(files.size() - 1);
		assertThat(last.get("path").asString()).isEqualTo("/etc/stoker/served.json");
		files.remove(files.size() - 1);
		String without = IgnitionJson.write(IgnitionJson.read(document.toString()));
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(without.getBytes(StandardCharsets.UTF_8)));

		ButaneConfig butane = ButaneYaml.read(butane("prod-use1", "workers"));
		String contents = butane.storage()
			.files()
			.stream()
			.filter((file) -> file.path().equals("/etc/stoker/served.json"))
			.findFirst()
			.orElseThrow()
			.contents()
			.inline();
		JsonNode servedFile = Mappers.json().readTree(contents);
		assertThat(servedFile.propertyNames()).containsExactly("cluster", "group", "revision",
				"ignitionSha256WithoutThisFile", "stokerUrl");
		assertThat(servedFile.get("cluster").asString()).isEqualTo("prod-use1");
		assertThat(servedFile.get("group").asString()).isEqualTo("workers");
		assertThat(servedFile.get("revision").asLong()).isEqualTo(1);
		assertThat(servedFile.get("ignitionSha256WithoutThisFile").asString()).isEqualTo(hash);
		assertThat(servedFile.get("stokerUrl").asString()).startsWith("http://localhost");
		assertThat(contents).doesNotContain("stf.", "str.", "stj.");
	}

	private void createOther() throws Exception {
		assertThat(admin(mvc.post()
			.uri("/api/v1/clusters")
			.contentType("application/yaml")
			.content(Files.readString(Path.of("examples", "aws-dual-stack.yaml")).replace("prod-use1", "other"))))
			.hasStatus(201);
	}

	private double gauge(String name, String tag, String value) {
		var search = meters.find(name).tag("cluster", "prod-use1");
		if (tag != null) {
			search = search.tag(tag, value);
		}
		return search.gauge().value();
	}

	static String phase(String machine, String phase) {
		return "{\"machineId\":\"" + machine + "\",\"revision\":1,\"phase\":\"" + phase + "\"}";
	}

	private MvcTestResult report(String cluster, String credential, String body) {
		return mvc.post()
			.uri("/api/v1/clusters/" + cluster + "/machines/reports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + credential)
			.contentType("application/json")
			.content(body)
			.exchange();
	}

	private JsonNode machines(String cluster) throws Exception {
		MvcTestResult result = admin(mvc.get().uri("/api/v1/clusters/" + cluster + "/machines"));
		assertThat(result).hasStatusOk();
		return Mappers.json().readTree(result.getResponse().getContentAsString());
	}

	private static JsonNode machine(JsonNode listing, String group, String machineId) {
		for (JsonNode each : listing.get("groups")) {
			if (each.get("name").asString().equals(group)) {
				for (JsonNode machine : each.get("machines")) {
					if (machine.get("machineId").asString().equals(machineId)) {
						return machine;
					}
				}
			}
		}
		return null;
	}

	private String butane(String cluster, String group) throws Exception {
		MvcTestResult result = admin(
				mvc.get().uri("/api/v1/clusters/" + cluster + "/node-groups/" + group + "/butane"));
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

	/** The credential the group's documents carry. */
	private String reportCredential(String cluster, String group) throws Exception {
		return ButaneYaml.read(butane(cluster, group))
			.storage()
			.files()
			.stream()
			.filter((file) -> file.path().equals("/etc/stoker/report-credential"))
			.findFirst()
			.orElseThrow()
			.contents()
			.inline();
	}

	private MvcTestResult admin(
			org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken()).exchange();
	}

}

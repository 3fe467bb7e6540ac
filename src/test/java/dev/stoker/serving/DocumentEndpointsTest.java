package dev.stoker.serving;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import dev.stoker.SharedApplication;
import dev.stoker.butane.ButaneYaml;
import dev.stoker.ignition.ButaneTranspiler;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.json.Mappers;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kubeadm document endpoint over the whole service, with secrets made at creation.
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentEndpointsTest {

	@Autowired
	MockMvcTester mvc;

	/** The metal example's fetch tokens, by group. */
	private final Map<String, String> labTokens = new HashMap<>();

	@BeforeAll
	void createTheExamples() throws Exception {
		UserDataFixture.createAws(mvc, adminToken());
		UserDataFixture.create(mvc, adminToken(), "metal-ipv6-first.yaml")
			.properties()
			.forEach((entry) -> labTokens.put(entry.getKey(), entry.getValue().asString()));
	}

	private MvcTestResult kubeadm(String cluster, String group) {
		return mvc.get()
			.uri("/api/v1/clusters/{name}/node-groups/{group}/kubeadm", cluster, group)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange();
	}

	private static List<JsonNode> documents(MvcTestResult result) throws Exception {
		String yaml = result.getResponse().getContentAsString();
		return Mappers.yaml().readValues(Mappers.yaml().createParser(yaml), JsonNode.class).readAll();
	}

	@Test
	void theBootstrapGroupGetsInitClusterAndKubeletConfigurationNeverCached() throws Exception {
		MvcTestResult result = kubeadm("prod-use1", "bootstrap");
		assertThat(result).hasStatusOk()
			.hasContentType("application/yaml")
			.hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		List<JsonNode> documents = documents(result);
		assertThat(documents).extracting(d -> d.get("kind").asString())
			.containsExactly("InitConfiguration", "ClusterConfiguration", "KubeletConfiguration");
		JsonNode init = documents.get(0);
		assertThat(init.at("/bootstrapTokens/0/token").asString()).matches("[a-z0-9]{6}\\.[a-z0-9]{16}");
		assertThat(init.has("certificateKey")).as("nothing is uploaded: control planes get the keys as files")
			.isFalse();
		assertThat(init.at("/nodeRegistration/kubeletExtraArgs/0/value").asString())
			.isEqualTo("$COREOS_EC2_IPV4_LOCAL,$COREOS_EC2_IPV6");
	}

	@Test
	void aWorkerJoinsWithTheSameTokenPinsTheCaAndNeverSeesTheCertificateKey() throws Exception {
		JsonNode init = documents(kubeadm("prod-use1", "bootstrap")).get(0);
		MvcTestResult worker = kubeadm("prod-use1", "workers");
		JsonNode join = documents(worker).get(0);
		assertThat(join.get("kind").asString()).isEqualTo("JoinConfiguration");
		assertThat(join.at("/discovery/bootstrapToken/token").asString())
			.isEqualTo(init.at("/bootstrapTokens/0/token").asString());
		assertThat(join.at("/discovery/bootstrapToken/caCertHashes/0").asString()).matches("sha256:[0-9a-f]{64}");
		assertThat(worker.getResponse().getContentAsString()).doesNotContain("PRIVATE KEY");
		JsonNode controlPlane = documents(kubeadm("prod-use1", "control-plane")).get(0);
		assertThat(controlPlane.has("controlPlane")).isTrue();
		assertThat(controlPlane.at("/controlPlane").has("certificateKey")).isFalse();
	}

	@Test
	void theSameRevisionGivesTheSameBytes() throws Exception {
		assertThat(kubeadm("prod-use1", "gpu").getResponse().getContentAsString())
			.isEqualTo(kubeadm("prod-use1", "gpu").getResponse().getContentAsString());
	}

	@Test
	void anUnknownClusterAnswers404() {
		assertThat(kubeadm("nowhere", "bootstrap")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:stoker:problem:cluster-not-found");
	}

	/**
	 * One problem type for a missing group, whichever path names it; the admin, who may
	 * read the definition anyway, is told which groups there are.
	 */
	@ParameterizedTest
	@CsvSource({ "GET, node-groups/nope/kubeadm", "GET, node-groups/nope/butane", "GET, node-groups/nope/ignition",
			"GET, node-groups/nope/user-data", "POST, node-groups/nope/fetch-token/rotate" })
	void aMissingGroupIsOneProblemOnEveryPathListingTheGroupsToTheAdmin(String method, String path) {
		assertThat(mvc.method(HttpMethod.valueOf(method))
			.uri("/api/v1/clusters/prod-use1/" + path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.isStrictlyEqualTo(
					"""
							{"type": "urn:stoker:problem:node-not-found", "title": "Node group or node not found", "status": 404,
							 "detail": "Cluster prod-use1 has no node group named nope. Its node groups: bootstrap, control-plane, workers, gpu.",
							 "instance": "/api/v1/clusters/prod-use1/%s"}
							"""
						.formatted(path));
	}

	@ParameterizedTest
	@ValueSource(strings = { "butane", "ignition", "user-data" })
	void aMissingStaticNodeIsTheSameProblemListingTheNodesToTheAdmin(String format) {
		assertThat(asAdmin("/api/v1/clusters/lab/nodes/cp-9/" + format)).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.isStrictlyEqualTo(
					"""
							{"type": "urn:stoker:problem:node-not-found", "title": "Node group or node not found", "status": 404,
							 "detail": "Cluster lab has no static node named cp-9. Its static nodes: cp-1, cp-2, cp-3, worker-1.",
							 "instance": "/api/v1/clusters/lab/nodes/cp-9/%s"}
							"""
						.formatted(format));
	}

	/**
	 * A fetch token learns nothing of nodes it does not open, not even that they exist.
	 */
	@Test
	void aFetchTokenAskingForAMissingNodeIsRefusedWithoutNames() throws Exception {
		MvcTestResult result = mvc.get()
			.uri("/api/v1/clusters/lab/nodes/cp-9/ignition")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + labTokens.get("workers"))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(result.getResponse().getContentAsString()).doesNotContain("cp-1").doesNotContain("worker-1");
	}

	/**
	 * A metal group has no document of its own: the answer names the static node
	 * endpoints that exist (there is no kubeadm one), and only the admin learns the
	 * group's nodes.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					kubeadm   | /api/v1/clusters/lab/nodes/{node}/ignition and /api/v1/clusters/lab/nodes/{node}/butane (its kubeadm config is inside them)
					butane    | /api/v1/clusters/lab/nodes/{node}/butane
					ignition  | /api/v1/clusters/lab/nodes/{node}/ignition
					""")
	void aMetalGroupNamesTheNodeEndpointsThatExist(String format, String endpoints) throws Exception {
		String detail = "Cluster lab takes its nodes' addresses from their nodes entries (addressSource nodes), so "
				+ "node group workers has no document of its own: each of its machines is a static node, served at "
				+ endpoints + ".";
		String problem = """
				{"type": "urn:stoker:problem:document-not-found", "title": "Document not found", "status": 404,
				 "detail": %s, "instance": "/api/v1/clusters/lab/node-groups/workers/%s"}
				""";
		assertThat(asAdmin("/api/v1/clusters/lab/node-groups/workers/" + format)).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.isStrictlyEqualTo(problem.formatted(quoted(detail + " Its static nodes: worker-1."), format));
		assertThat(mvc.get()
			.uri("/api/v1/clusters/lab/node-groups/workers/" + format)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + labTokens.get("workers"))).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.isStrictlyEqualTo(problem.formatted(quoted(detail), format));
	}

	@Test
	void aMetalGroupsUserDataNamesTheNodesUserData() {
		assertThat(asAdmin("/api/v1/clusters/lab/node-groups/control-plane/user-data")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Cluster lab takes its nodes' addresses from their nodes entries (addressSource nodes), so node "
					+ "group control-plane has no document of its own: each of its machines is a static node, served at "
					+ "/api/v1/clusters/lab/nodes/{node}/user-data. Its static nodes: cp-2, cp-3.");
	}

	private MvcTestResult asAdmin(String uri) {
		return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken()).exchange();
	}

	private static String quoted(String text) {
		return Mappers.json().writeValueAsString(text);
	}

	@Test
	void withoutTheAdminTokenTheDocumentIsRefused() {
		assertThat(mvc.get().uri("/api/v1/clusters/prod-use1/node-groups/bootstrap/kubeadm"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aGroupsIgnitionIsExactlyItsButaneTranspiledAndNeverCached() throws Exception {
		MvcTestResult ignition = mvc.get()
			.uri("/api/v1/clusters/prod-use1/node-groups/workers/ignition")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange();
		assertThat(ignition).hasStatusOk()
			.hasContentType("application/vnd.coreos.ignition+json")
			.hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		MvcTestResult butane = mvc.get()
			.uri("/api/v1/clusters/prod-use1/node-groups/workers/butane")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange();
		assertThat(butane).hasStatusOk()
			.hasContentType("application/yaml")
			.hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		String transpiled = dev.stoker.ignition.IgnitionJson.write(dev.stoker.ignition.ButaneTranspiler
			.transpile(dev.stoker.butane.ButaneYaml.read(butane.getResponse().getContentAsString())));
		assertThat(ignition.getResponse().getContentAsString()).isEqualTo(transpiled);
	}

	@Test
	void aStaticNodeHasItsOwnDocumentsAndAnUnknownNodeAnswers404() throws Exception {
		MvcTestResult node = mvc.get()
			.uri("/api/v1/clusters/lab/nodes/cp-1/butane")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange();
		assertThat(node).hasStatusOk();
		assertThat(node.getResponse().getContentAsString()).contains("path: /etc/hostname")
			.contains("fd00:1:2:3::2,10.100.0.2")
			.doesNotContain("coreos-metadata");
		assertThat(mvc.get()
			.uri("/api/v1/clusters/lab/nodes/cp-9/ignition")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())).hasStatus(HttpStatus.NOT_FOUND);
	}

}

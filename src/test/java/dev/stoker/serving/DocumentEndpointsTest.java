package dev.stoker.serving;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
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

	@BeforeAll
	void createTheExamples() throws Exception {
		for (String example : List.of("aws-dual-stack.yaml", "metal-ipv6-first.yaml")) {
			assertThat(mvc.post()
				.uri("/api/v1/clusters")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
				.contentType("application/yaml")
				.content(Files.readString(Path.of("examples", example)))).hasStatus(HttpStatus.CREATED);
		}
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
	void anUnknownGroupOrClusterAnswers404() {
		assertThat(kubeadm("prod-use1", "nope")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:stoker:problem:document-not-found");
		assertThat(kubeadm("nowhere", "bootstrap")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:stoker:problem:cluster-not-found");
	}

	@Test
	void aMetalClustersGroupsHaveNoDocumentOfTheirOwn() {
		assertThat(kubeadm("lab", "bootstrap")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("/api/v1/clusters/lab/nodes/{node}");
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

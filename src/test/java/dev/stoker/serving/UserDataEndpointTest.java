package dev.stoker.serving;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import dev.stoker.DataDirectory;
import dev.stoker.ignition.DataUrls;
import dev.stoker.ignition.IgnitionConfig;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.ignition.IgnitionValidate;
import dev.stoker.json.Mappers;

import static dev.stoker.serving.UserDataFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user-data pointer with a configured public URL and CA bundle: what Ignition needs
 * to fetch the group's document with the group's token, and nothing it would refuse.
 * <p>
 * An application of its own rather than the shared one: the public URL and CA bundle are
 * settings of the whole service, in every pointer it answers.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserDataEndpointTest {

	private static final Path dataDir = DataDirectory.create("stoker-user-data");

	private static final Path caBundle = UserDataFixture.caBundle(dataDir, 2);

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("stoker.data-dir", dataDir::toString);
		registry.add("stoker.admin.token", () -> ADMIN);
		registry.add("stoker.public-url", () -> "https://stoker.example.com/");
		registry.add("stoker.tls.ca-bundle", caBundle::toString);
	}

	@Autowired
	MockMvcTester mvc;

	private JsonNode fetchTokens;

	@BeforeAll
	void createCluster() throws Exception {
		fetchTokens = UserDataFixture.createAws(mvc, ADMIN);
	}

	@AfterAll
	void removeDataDirectory() throws Exception {
		FileSystemUtils.deleteRecursively(dataDir);
	}

	private MvcTestResult userData(String query) {
		return mvc.get()
			.uri("/api/v1/clusters/prod-use1/node-groups/workers/user-data" + query)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
			.exchange();
	}

	@Test
	void thePointerFetchesTheGroupsIgnitionWithItsTokenAndTrustsTheBundle() throws Exception {
		MvcTestResult result = userData("");
		assertThat(result).hasStatusOk().hasContentType("application/json");
		String json = result.getResponse().getContentAsString();
		JsonNode pointer = Mappers.json().readTree(json);

		assertThat(pointer.at("/ignition/version").asString()).isEqualTo("3.3.0");
		JsonNode replace = pointer.at("/ignition/config/replace");
		assertThat(replace.get("source").asString())
			.isEqualTo("https://stoker.example.com/api/v1/clusters/prod-use1/node-groups/workers/ignition");
		assertThat(replace.at("/httpHeaders/0/name").asString()).isEqualTo("Authorization");
		assertThat(replace.at("/httpHeaders/0/value").asString())
			.isEqualTo("Bearer " + fetchTokens.get("workers").asString());
		assertThat(replace.has("verification")).isFalse();
		IgnitionConfig.Resource ca = IgnitionJson.read(json)
			.ignition()
			.security()
			.tls()
			.certificateAuthorities()
			.get(0);
		assertThat(DataUrls.contents(ca)).isEqualTo(Files.readAllBytes(caBundle));
		assertThat(result.getResponse().getHeader("Stoker-Document-Size"))
			.isEqualTo(Integer.toString(json.getBytes(StandardCharsets.UTF_8).length));
		assertThat(result.getResponse().getHeader("Stoker-Warning")).as("https: nothing to warn about").isNull();
		assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");

		IgnitionValidate.Result validated = IgnitionValidate.validate(json);
		assertThat(validated.clean()).as(validated.output()).isTrue();
	}

	/**
	 * verify=true pins the bytes the source serves now; a change to the cluster changes
	 * them, which breaks the pointer (as docs/booting-nodes.md warns).
	 */
	@Test
	void verifyPinsTheSha512OfTheServedDocument() throws Exception {
		JsonNode pointer = Mappers.json().readTree(userData("?verify=true").getResponse().getContentAsString());
		String hash = pointer.at("/ignition/config/replace/verification/hash").asString();

		MvcTestResult served = mvc.get()
			.uri("/api/v1/clusters/prod-use1/node-groups/workers/ignition")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + fetchTokens.get("workers").asString())
			.exchange();
		assertThat(served).hasStatusOk();
		byte[] body = served.getResponse().getContentAsByteArray();
		assertThat(hash).isEqualTo("sha512-"
				+ java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512").digest(body)));
		IgnitionValidate.Result validated = IgnitionValidate.validate(Mappers.json().writeValueAsString(pointer));
		assertThat(validated.clean()).as(validated.output()).isTrue();
	}

	@Test
	void base64IsTheSameJsonForALaunchTemplate() throws Exception {
		String json = userData("").getResponse().getContentAsString();
		MvcTestResult encoded = userData("?encoding=base64");

		assertThat(encoded).hasStatusOk();
		assertThat(encoded.getResponse().getContentType()).startsWith("text/plain");
		assertThat(new String(Base64.getDecoder().decode(encoded.getResponse().getContentAsString()),
				StandardCharsets.UTF_8))
			.isEqualTo(json);
		assertThat(userData("?encoding=yaml")).hasStatus(400);
	}

	/**
	 * A static node's pointer fetches the node's own Ignition, with the fetch token of
	 * the node's group; a node the cluster does not list has none.
	 */
	@Test
	void aStaticNodesPointerAndUnknownTargets() throws Exception {
		JsonNode labTokens = UserDataFixture.create(mvc, ADMIN, "metal-ipv6-first.yaml");
		MvcTestResult result = mvc.get()
			.uri("/api/v1/clusters/lab/nodes/worker-1/user-data")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
			.exchange();
		assertThat(result).hasStatusOk().hasContentType("application/json");
		String json = result.getResponse().getContentAsString();
		JsonNode replace = Mappers.json().readTree(json).at("/ignition/config/replace");
		assertThat(replace.get("source").asString())
			.isEqualTo("https://stoker.example.com/api/v1/clusters/lab/nodes/worker-1/ignition");
		assertThat(replace.at("/httpHeaders/0/value").asString())
			.isEqualTo("Bearer " + labTokens.get("workers").asString());
		assertThat(result.getResponse().getHeader("Stoker-Document-Size"))
			.isEqualTo(Integer.toString(json.getBytes(StandardCharsets.UTF_8).length));
		assertThat(mvc.get()
			.uri("/api/v1/clusters/lab/nodes/worker-9/user-data")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
			.exchange()).hasStatus(404);

		assertThat(userData("")).hasStatusOk();
		assertThat(mvc.get()
			.uri("/api/v1/clusters/prod-use1/node-groups/nope/user-data")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
			.exchange()).hasStatus(404);
		assertThat(mvc.get()
			.uri("/api/v1/clusters/nobody/node-groups/workers/user-data")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
			.exchange()).hasStatus(404);
	}

	/**
	 * A definition with many SSH keys makes an Ignition too large for EC2 user data: it
	 * is served all the same (a pointer fetches it), with its size and a warning.
	 */
	@Test
	void anIgnitionOverTheEc2LimitIsServedWithAWarning() throws Exception {
		String definition = Files.readString(Path.of("examples", "aws-dual-stack.yaml"))
			.replace("name: prod-use1", "name: many-keys")
			.replace("  authorizedKeys:\n", "  authorizedKeys:\n" + manyKeys(250));
		assertThat(mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
			.contentType("application/yaml")
			.content(definition)
			.exchange()).hasStatus(201);

		MvcTestResult served = mvc.get()
			.uri("/api/v1/clusters/many-keys/node-groups/workers/ignition")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
			.exchange();

		assertThat(served).hasStatusOk();
		int size = served.getResponse().getContentAsByteArray().length;
		assertThat(size).isGreaterThan(16384);
		assertThat(served.getResponse().getHeader("Stoker-Document-Size")).isEqualTo(Integer.toString(size));
		assertThat(served.getResponse().getHeaders("Stoker-Warning"))
			.anySatisfy((warning) -> assertThat(warning).contains("over EC2's user-data limit").contains("user-data"));
		assertThat(mvc.get()
			.uri("/api/v1/clusters/many-keys/node-groups/workers/user-data")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
			.exchange()).as("its pointer fits").hasStatusOk();
	}

	/** Distinct ed25519 public keys, as YAML list items. */
	private static String manyKeys(int count) {
		StringBuilder keys = new StringBuilder();
		java.util.Random random = new java.util.Random(42);
		for (int i = 0; i < count; i++) {
			byte[] point = new byte[32];
			random.nextBytes(point);
			java.nio.ByteBuffer blob = java.nio.ByteBuffer.allocate(4 + 11 + 4 + 32);
			blob.putInt(11).put("ssh-ed25519".getBytes(StandardCharsets.US_ASCII)).putInt(32).put(point);
			keys.append("    - ssh-ed25519 ")
				.append(Base64.getEncoder().encodeToString(blob.array()))
				.append(" key-")
				.append(i)
				.append("\n");
		}
		return keys.toString();
	}

	/** The Ignition itself reports its size, and fits EC2 here. */
	@Test
	void aServedIgnitionReportsItsSize() throws Exception {
		MvcTestResult served = mvc.get()
			.uri("/api/v1/clusters/prod-use1/node-groups/workers/ignition")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
			.exchange();
		// a worker's document fits in user data; a control plane's is over the limit and
		// says so (its join progress reporting and keeper make it larger)
		assertThat(served.getResponse().getHeader("Stoker-Document-Size"))
			.isEqualTo(Integer.toString(served.getResponse().getContentAsByteArray().length));
		assertThat(served.getResponse().getHeaders("Stoker-Warning")).isEmpty();
	}

}

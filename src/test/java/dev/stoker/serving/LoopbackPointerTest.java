package dev.stoker.serving;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

import dev.stoker.DataDirectory;
import dev.stoker.StokerProperties;
import dev.stoker.TestRequester;
import dev.stoker.json.Mappers;

import static dev.stoker.serving.UserDataFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A pointer that would send a machine back to itself is refused with a problem that says
 * how to set the public URL, unless the operator allowed it for tests on one machine.
 * <p>
 * An application of its own rather than the shared one: the shared one allows such
 * pointers, as the README starts the service to try it locally, and this one keeps the
 * default.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoopbackPointerTest {

	private static final Path dataDir = DataDirectory.create("stoker-loopback");

	private static final String FIX = " Set stoker.public-url (environment variable STOKER_PUBLICURL) to the https URL "
			+ "machines reach Stoker at, such as https://stoker.example.com. Only for tests on this one machine, "
			+ "stoker.user-data.allow-loopback=true (STOKER_USERDATA_ALLOWLOOPBACK) serves such pointers anyway.";

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("stoker.data-dir", dataDir::toString);
		registry.add("stoker.admin.token", () -> ADMIN);
	}

	@Autowired
	MockMvcTester mvc;

	@BeforeAll
	void createCluster() throws Exception {
		UserDataFixture.createAws(mvc, ADMIN);
	}

	@AfterAll
	void removeDataDirectory() throws Exception {
		FileSystemUtils.deleteRecursively(dataDir);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "http://localhost:8080", "http://LOCALHOST.:8080", "http://stoker.localhost",
			"http://127.0.0.1:8080", "http://127.8.9.10", "http://[::1]:8080", "http://0.0.0.0:8080", "http://[::]" })
	void aRequestToALoopbackAddressGetsNoPointer(String base) throws Exception {
		for (String path : new String[] { "/node-groups/workers/user-data",
				"/node-groups/workers/user-data?encoding=base64", "/nodes/anything/user-data" }) {
			MvcTestResult result = mvc.get()
				.uri(base + "/api/v1/clusters/prod-use1" + path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
				.exchange();

			assertThat(result).hasStatus(422).hasContentType("application/problem+json");
			JsonNode problem = Mappers.json().readTree(result.getResponse().getContentAsString());
			assertThat(problem.get("type").asString()).isEqualTo("urn:stoker:problem:loopback-pointer");
			assertThat(problem.get("title").asString()).isEqualTo("Pointer to a loopback address");
			assertThat(problem.get("detail").asString())
				.isEqualTo("stoker.public-url is not set, and the URL this request came to names a loopback or "
						+ "unspecified address, so a machine booted with the pointer would ask itself for its "
						+ "Ignition." + FIX);
			assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isNull();
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "http://stoker.internal:8080", "http://10.0.0.5", "http://[fd00::5]:8080",
			"http://localhost.example.com", "http://128.0.0.1" })
	void aRequestToAnotherAddressGetsItsPointer(String base) throws Exception {
		MvcTestResult result = mvc.get()
			.uri(base + "/api/v1/clusters/prod-use1/node-groups/workers/user-data")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(Mappers.json()
			.readTree(result.getResponse().getContentAsString())
			.at("/ignition/config/replace/source")
			.asString()).startsWith(base + "/api/v1/clusters/prod-use1/");
	}

	@Test
	void aLoopbackPublicUrlIsNamedAsTheCause() {
		DocumentController controller = new DocumentController(null, properties("http://127.0.0.1:8080", false));

		assertThatThrownBy(() -> controller.groupUserData("prod-use1", "workers", false, "json", TestRequester.ADMIN))
			.isInstanceOfSatisfying(LoopbackPointerException.class,
					(ex) -> assertThat(ex.getBody().getDetail())
						.isEqualTo("stoker.public-url names a loopback or unspecified address, so a machine booted "
								+ "with the pointer would ask itself for its Ignition." + FIX));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "http://localhost:8080", "http://127.0.0.1", "http://[::1]", "http://0.0.0.0",
			"http://stoker.localhost", "http://[::ffff:127.0.0.1]", "http://[::ffff:0.0.0.0]", "http://0.1.2.3",
			"http://2130706433", "http://127.1" })
	void loopbackAndUnspecifiedHosts(String url) {
		assertThat(LoopbackHost.isLoopback(URI.create(url))).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "https://stoker.example.com", "http://localhost.example.com", "http://mylocalhost",
			"http://126.255.255.255", "http://128.0.0.0", "http://1.0.0.0", "http://[::2]", "http://[fe80::1]",
			"http://[::ffff:10.0.0.1]" })
	void otherHosts(String url) {
		assertThat(LoopbackHost.isLoopback(URI.create(url))).isFalse();
	}

	private static StokerProperties properties(String publicUrl, boolean allowLoopback) {
		return new StokerProperties(dataDir, DataSize.ofMegabytes(1), new StokerProperties.Admin(ADMIN),
				new StokerProperties.Master(null, null), URI.create(publicUrl), new StokerProperties.Tls(null),
				new StokerProperties.UserData(allowLoopback));
	}

}

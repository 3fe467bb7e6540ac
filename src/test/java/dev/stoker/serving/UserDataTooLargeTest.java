package dev.stoker.serving;

import java.nio.file.Path;

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
import dev.stoker.json.Mappers;

import static dev.stoker.serving.UserDataFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pointer over EC2's 16 KB is refused with 422 rather than served: here a CA bundle of
 * many certificates makes it too large.
 * <p>
 * An application of its own rather than the shared one: the CA bundle is a setting of the
 * whole service, and this one makes every pointer too large.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserDataTooLargeTest {

	private static final Path dataDir = DataDirectory.create("stoker-user-data");

	private static final Path caBundle = UserDataFixture.caBundle(dataDir, 200);

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("stoker.data-dir", dataDir::toString);
		registry.add("stoker.admin.token", () -> ADMIN);
		registry.add("stoker.public-url", () -> "https://stoker.example.com");
		registry.add("stoker.tls.ca-bundle", caBundle::toString);
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

	@Test
	void aPointerOverTheEc2LimitIsRefused() throws Exception {
		for (String encoding : new String[] { "json", "base64" }) {
			MvcTestResult result = mvc.get()
				.uri("/api/v1/clusters/prod-use1/node-groups/workers/user-data?encoding=" + encoding)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
				.exchange();

			assertThat(result).hasStatus(422).hasContentType("application/problem+json");
			JsonNode problem = Mappers.json().readTree(result.getResponse().getContentAsString());
			assertThat(problem.get("size").asInt()).isGreaterThan(16384);
			assertThat(problem.get("limit").asInt()).isEqualTo(16384);
			assertThat(problem.toString()).doesNotContain("stf.");
		}
	}

}

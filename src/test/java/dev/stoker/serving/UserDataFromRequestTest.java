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

import dev.stoker.DataDirectory;
import dev.stoker.json.Mappers;

import static dev.stoker.serving.UserDataFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without stoker.public-url the pointer names the URL the request came to; X-Forwarded
 * headers count only when the operator turns them on, so a client cannot point nodes
 * elsewhere with one.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserDataFromRequestTest {

	private static final Path dataDir = DataDirectory.create("stoker-user-data");

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("stoker.data-dir", dataDir::toString);
		registry.add("stoker.admin.token", () -> ADMIN);
	}

	@Autowired
	MockMvcTester mvc;

	@BeforeAll
	void createCluster() throws Exception {
		UserDataFixture.createAws(mvc);
	}

	@AfterAll
	void removeDataDirectory() throws Exception {
		FileSystemUtils.deleteRecursively(dataDir);
	}

	@Test
	void theSourceIsTheRequestsUrlAndForwardedHeadersAreIgnored() throws Exception {
		MvcTestResult result = mvc.get()
			.uri("http://stoker.internal:8080/api/v1/clusters/prod-use1/node-groups/workers/user-data")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.header("Forwarded", "host=evil.example;proto=https")
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(Mappers.json()
			.readTree(result.getResponse().getContentAsString())
			.at("/ignition/config/replace/source")
			.asString())
			.isEqualTo("http://stoker.internal:8080/api/v1/clusters/prod-use1/node-groups/workers/ignition");
		assertThat(result.getResponse().getHeader("Stoker-Warning")).contains("plain http");
	}

}

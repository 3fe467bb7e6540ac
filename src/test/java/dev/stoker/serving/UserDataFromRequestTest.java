package dev.stoker.serving;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.stoker.SharedApplication;
import dev.stoker.json.Mappers;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without stoker.public-url the pointer names the URL the request came to; X-Forwarded
 * headers count only when the operator turns them on, so a client cannot point nodes
 * elsewhere with one.
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserDataFromRequestTest {

	@Autowired
	MockMvcTester mvc;

	@BeforeAll
	void createCluster() throws Exception {
		UserDataFixture.createAws(mvc, adminToken());
	}

	@Test
	void theSourceIsTheRequestsUrlAndForwardedHeadersAreIgnored() throws Exception {
		MvcTestResult result = mvc.get()
			.uri("http://stoker.internal:8080/api/v1/clusters/prod-use1/node-groups/workers/user-data")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
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

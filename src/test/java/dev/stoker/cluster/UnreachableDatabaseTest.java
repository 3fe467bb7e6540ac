package dev.stoker.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that cannot be reached is a passing condition, not a client error: answer
 * 503 with Retry-After, so clients (and later Ignition, which retries 5xx forever) come
 * back.
 */
@ClusterApiSlice
class UnreachableDatabaseTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	InMemoryClusterRepository store;

	@BeforeEach
	void loseTheDatabase() {
		store.disconnect();
	}

	@AfterEach
	void getItBack() {
		store.reconnect();
	}

	@Test
	void everyReadAndWriteAnswers503WithRetryAfter() {
		assertThat(mvc.get()
			.uri("/api/v1/clusters/any")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ClusterApiSlice.TOKEN))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasHeader(HttpHeaders.RETRY_AFTER, "5")
			.hasContentType("application/problem+json")
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:stoker:problem:unavailable");
		assertThat(
				mvc.get().uri("/api/v1/clusters").header(HttpHeaders.AUTHORIZATION, "Bearer " + ClusterApiSlice.TOKEN))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
	}

}

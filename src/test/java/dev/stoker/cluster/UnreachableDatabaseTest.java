package dev.stoker.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.stoker.access.AdminToken;
import dev.stoker.definition.ValidCluster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that cannot be reached is a passing condition, not a client error: answer
 * 503 with Retry-After, so clients (and later Ignition, which retries 5xx forever) come
 * back.
 */
@WebMvcTest(ClusterController.class)
@Import({ ClusterService.class, AdminToken.class, ClusterControllerTest.Fakes.class,
		UnreachableDatabaseTest.BrokenStore.class })
@TestPropertySource(properties = "stoker.admin.token=" + ClusterControllerTest.TOKEN)
class UnreachableDatabaseTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void everyReadAndWriteAnswers503WithRetryAfter() {
		assertThat(mvc.get()
			.uri("/api/v1/clusters/any")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ClusterControllerTest.TOKEN))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasHeader(HttpHeaders.RETRY_AFTER, "5")
			.hasContentType("application/problem+json")
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:stoker:problem:unavailable");
		assertThat(mvc.get()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ClusterControllerTest.TOKEN))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@TestConfiguration
	static class BrokenStore {

		/**
		 * Replaces the in-memory fake: every call fails as a dropped connection would.
		 */
		@Bean
		InMemoryClusterRepository repository() {
			return new InMemoryClusterRepository() {
				@Override
				public Optional<StoredCluster> find(String name) {
					throw new CannotGetJdbcConnectionException("connection refused");
				}

				@Override
				public List<StoredCluster> findAll() {
					throw new CannotGetJdbcConnectionException("connection refused");
				}

				@Override
				public StoredCluster insert(ValidCluster cluster, Instant now) {
					throw new CannotGetJdbcConnectionException("connection refused");
				}
			};
		}

	}

}

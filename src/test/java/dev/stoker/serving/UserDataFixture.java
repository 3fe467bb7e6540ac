package dev.stoker.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import dev.stoker.json.Mappers;
import dev.stoker.secrets.SeededSecrets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the serving tests share: CA bundles, and the examples created over the API.
 */
final class UserDataFixture {

	/** The admin token of the applications started with a public URL and a CA bundle. */
	static final String ADMIN = "user-data-test-admin-token-0123456789";

	private UserDataFixture() {
	}

	/** A PEM file of {@code count} distinct CA certificates. */
	static Path caBundle(Path dir, int count) {
		StringBuilder pem = new StringBuilder();
		Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
		for (int i = 0; i < count; i++) {
			pem.append(SeededSecrets.of("ca-" + i, clock).ca().certificatePem());
		}
		try {
			return Files.writeString(dir.resolve("ca-bundle-" + count + ".pem"), pem, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Creates the AWS example with the given admin token and answers its fetch tokens by
	 * group.
	 */
	static JsonNode createAws(MockMvcTester mvc, String adminToken) throws Exception {
		return create(mvc, adminToken, "aws-dual-stack.yaml");
	}

	/**
	 * Creates an example of examples/ with the given admin token and answers its fetch
	 * tokens by group.
	 */
	static JsonNode create(MockMvcTester mvc, String adminToken, String example) throws Exception {
		MvcTestResult created = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken)
			.contentType("application/yaml")
			.content(Files.readString(Path.of("examples", example)))
			.exchange();
		assertThat(created).hasStatus(201);
		return Mappers.json().readTree(created.getResponse().getContentAsString()).get("fetchTokens");
	}

}

package dev.stoker.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.stoker.TestDefinitions;
import dev.stoker.json.Mappers;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client cannot choose the address the audit log records, nor the URL a user-data
 * pointer names, by sending X-Forwarded-* headers: through a real Tomcat, in a Kubernetes
 * pod (where Spring Boot would otherwise trust those headers from any private address,
 * which is every node in a VPC), unless the operator turns forwarded headers on.
 * <p>
 * An application of its own rather than the shared one: it runs as on Kubernetes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.main.cloud-platform=kubernetes")
class ForwardedHeadersTest {

	static final String TOKEN = "forwarded-test-admin-token";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("stoker.data-dir", dataDir::toString);
		// the test fetches pointers from this one machine
		registry.add("stoker.user-data.allow-loopback", () -> "true");
		registry.add("stoker.admin.token", () -> TOKEN);
	}

	@LocalServerPort
	int port;

	@Test
	void forwardedHeadersAreIgnoredUnlessTheOperatorTurnsThemOn() throws Exception {
		Client client = new Client(port);
		client.create("spoofed");

		assertThat(client.fetchFrom("spoofed", "203.0.113.9")).isEqualTo("127.0.0.1");
		assertThat(client.pointerSourceWith("spoofed", "attacker.example"))
			.startsWith("http://127.0.0.1:" + port + "/api/v1/clusters/spoofed/");
	}

	/** Speaks to the service over real HTTP, as a node and an operator would. */
	record Client(int port) {

		private static final HttpClient http = HttpClient.newHttpClient();

		void create(String name) throws Exception {
			HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/clusters"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(TestDefinitions.dualStackAws(name))));
			assertThat(created.statusCode()).isEqualTo(201);
		}

		/**
		 * Fetches a document claiming to forward for {@code claimed}; answers the address
		 * the audit log recorded.
		 */
		String fetchFrom(String cluster, String claimed) throws Exception {
			HttpResponse<String> fetched = send(
					HttpRequest.newBuilder(uri("/api/v1/clusters/" + cluster + "/node-groups/workers/kubeadm"))
						.header("X-Forwarded-For", claimed)
						.header("X-Forwarded-Proto", "https"));
			assertThat(fetched.statusCode()).isEqualTo(200);
			HttpResponse<String> audit = send(HttpRequest.newBuilder(uri("/api/v1/clusters/" + cluster + "/audit")));
			assertThat(audit.statusCode()).isEqualTo(200);
			JsonNode newest = Mappers.json().readTree(audit.body()).get(0);
			assertThat(newest.path("document").asString()).isEqualTo("kubeadm");
			return newest.path("clientAddress").asString();
		}

		/**
		 * The URL a user-data pointer fetches from, asked for with a forwarded host.
		 */
		String pointerSourceWith(String cluster, String forwardedHost) throws Exception {
			HttpResponse<String> pointer = send(
					HttpRequest.newBuilder(uri("/api/v1/clusters/" + cluster + "/node-groups/workers/user-data"))
						.header("X-Forwarded-Host", forwardedHost));
			assertThat(pointer.statusCode()).isEqualTo(200);
			return Mappers.json().readTree(pointer.body()).at("/ignition/config/replace/source").asString();
		}

		private URI uri(String path) {
			return URI.create("http://127.0.0.1:" + port + path);
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			return http.send(request.header("Authorization", "Bearer " + TOKEN).build(),
					HttpResponse.BodyHandlers.ofString());
		}

	}

}

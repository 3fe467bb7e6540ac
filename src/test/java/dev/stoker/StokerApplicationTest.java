package dev.stoker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on a random port with its embedded database, driven over HTTP as an
 * operator would with curl: the admin token is the one generated into the data directory
 * at first start.
 */
@SharedApplication
class StokerApplicationTest {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theGeneratedAdminTokenFileIsReadableByItsOwnerOnly() throws IOException {
		assertThat(Files.getPosixFilePermissions(SharedApplicationSetup.dataDirectory().resolve("admin-token")))
			.isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
	}

	@Test
	void createReadReplaceAndDeleteAClusterOverHttp() throws Exception {
		String auth = "Bearer " + adminToken();
		String json = "application/json";

		HttpResponse<String> created = send("POST", "/api/v1/clusters", TestDefinitions.dualStackAws("lifecycle"),
				"Authorization", auth, "Content-Type", json);
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/clusters/lifecycle");

		HttpResponse<String> read = send("GET", "/api/v1/clusters/lifecycle", null, "Authorization", auth);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
		assertThat(read.body()).contains("\"podSubnets\":[\"10.244.0.0/16\",\"fd00:10:244::/56\"]");

		String changed = read.body().replace("\"v1.33.2\"", "\"v1.34.1\"");
		HttpResponse<String> replaced = send("PUT", "/api/v1/clusters/lifecycle", changed, "Authorization", auth,
				"Content-Type", json, "If-Match", "\"1\"");
		assertThat(replaced.statusCode()).isEqualTo(200);
		assertThat(replaced.headers().firstValue("ETag")).hasValue("\"2\"");

		HttpResponse<String> stale = send("PUT", "/api/v1/clusters/lifecycle", changed, "Authorization", auth,
				"Content-Type", json, "If-Match", "\"1\"");
		assertThat(stale.statusCode()).isEqualTo(412);

		assertThat(send("DELETE", "/api/v1/clusters/lifecycle", null, "Authorization", auth, "If-Match", "\"2\"")
			.statusCode()).isEqualTo(204);
		assertThat(send("GET", "/api/v1/clusters/lifecycle", null, "Authorization", auth).statusCode()).isEqualTo(404);
	}

	@Test
	void withoutTheAdminTokenTheApiAnswers401ButHealthAndApiDocsStayOpen() throws Exception {
		HttpResponse<String> refused = send("GET", "/api/v1/clusters", null);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(send("GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/v3/api-docs", null).statusCode()).isEqualTo(200);
	}

	@Test
	void errorsTheServletContainerAnswersItselfAreProblemDetailsToo() throws Exception {
		try (Socket socket = new Socket("localhost", port)) {
			socket.getOutputStream()
				.write("GET /api/v1/clusters/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 400")
				.contains("Content-Type: application/problem+json")
				.endsWith("{\"title\":\"Bad Request\",\"status\":400}")
				.doesNotContain("<html");
		}
	}

	/**
	 * As {@code curl --path-as-is} sends them, through Tomcat: every form that the router
	 * would decode or strip into an API path is refused before any handler runs. Without
	 * a token, {@code DELETE /%61pi/v1/clusters/NAME} once removed the cluster and its
	 * CA.
	 */
	@Test
	void pathsThatRouteAsAnotherPathAreRefusedOnTheWire() throws Exception {
		String auth = "Bearer " + adminToken();
		assertThat(send("POST", "/api/v1/clusters", TestDefinitions.dualStackAws("wire"), "Authorization", auth,
				"Content-Type", "application/json")
			.statusCode()).isEqualTo(201);
		for (String raw : new String[] { "DELETE /%61pi/v1/clusters/wire", "DELETE /ap%69/v1/clusters/wire",
				"DELETE /api;x=y/v1/clusters/wire", "DELETE //api/v1/clusters/wire",
				"DELETE /x/../api/v1/clusters/wire", "DELETE /api/v1/clusters/wire;", "GET /%61pi/v1/clusters",
				"GET /api/v1/clusters/wire/%61udit", "GET /api/./v1/clusters", "GET /api/v1/x/%2e%2e/clusters",
				"GET /api%2Fv1/clusters" }) {
			try (Socket socket = new Socket("localhost", port)) {
				socket.getOutputStream()
					.write((raw + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
				String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				assertThat(answer).as(raw).startsWith("HTTP/1.1 400").contains("application/problem+json");
			}
		}
		HttpResponse<String> kept = send("GET", "/api/v1/clusters/wire", null, "Authorization", auth);
		assertThat(kept.statusCode()).isEqualTo(200);
		assertThat(kept.headers().firstValue("ETag")).hasValue("\"1\"");
	}

	@Test
	void aBodyOverOneMebibyteIsRefusedWith413() throws Exception {
		String huge = "{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}";
		HttpResponse<String> refused = send("POST", "/api/v1/clusters", huge, "Authorization", "Bearer " + adminToken(),
				"Content-Type", "application/json");
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("urn:stoker:problem:body-too-large").doesNotContain("xxxx");
	}

	/**
	 * Sent chunked, without a length, so the limit is met while the YAML parser reads:
	 * the parser's failure still answers 413, not a malformed body.
	 */
	@Test
	void aChunkedYamlBodyOverOneMebibyteIsRefusedWith413() throws Exception {
		byte[] huge = ("name: " + "x".repeat(1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/clusters"))
			.version(HttpClient.Version.HTTP_1_1)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
			.header("Authorization", "Bearer " + adminToken())
			.header("Content-Type", "application/yaml")
			.build();

		HttpResponse<String> refused = http.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("urn:stoker:problem:body-too-large").doesNotContain("xxxx");
	}

}

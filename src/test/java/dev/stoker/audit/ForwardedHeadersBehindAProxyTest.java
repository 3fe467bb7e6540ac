package dev.stoker.audit;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.stoker.audit.ForwardedHeadersTest.Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy the operator turns forwarded headers on, and then the audit log records
 * the address the proxy names (the proxy here being the loopback peer, one of Tomcat's
 * default internal proxies).
 * <p>
 * An application of its own rather than the shared one: it runs as on Kubernetes, with
 * forwarded headers on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.cloud-platform=kubernetes", "server.forward-headers-strategy=native" })
class ForwardedHeadersBehindAProxyTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("stoker.data-dir", dataDir::toString);
		registry.add("stoker.admin.token", () -> ForwardedHeadersTest.TOKEN);
	}

	@LocalServerPort
	int port;

	@Test
	void theProxysForwardedHeadersAreUsedOnceTheOperatorTurnsThemOn() throws Exception {
		Client client = new Client(port);
		client.create("proxied");

		assertThat(client.fetchFrom("proxied", "203.0.113.9")).isEqualTo("203.0.113.9");
		assertThat(client.pointerSourceWith("proxied", "stoker.example.com"))
			.matches("http://stoker\\.example\\.com(:[0-9]+)?/api/v1/clusters/proxied/node-groups/workers/ignition");
	}

}

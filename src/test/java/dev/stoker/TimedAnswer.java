package dev.stoker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An answer of an application a test started, and how long it took to come: a probe's
 * must come before the probe gives up on it.
 *
 * @param retryAfter the Retry-After header, or null
 */
record TimedAnswer(int status, String body, String retryAfter, Duration took) {

	/** The Helm chart's readinessProbe and livenessProbe timeoutSeconds. */
	static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

	/** A GET of {@code path} on the application at {@code port}, with the admin token. */
	static TimedAnswer get(HttpClient http, int port, String path, String adminToken) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + adminToken)
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new TimedAnswer(response.statusCode(), response.body(),
				response.headers().firstValue("Retry-After").orElse(null), Duration.ofNanos(System.nanoTime() - start));
	}

}

package dev.stoker;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a pod does on SIGTERM (the context closing): readiness turns REFUSING_TRAFFIC
 * first, then new connections are refused while a request already in flight runs to its
 * end and is answered.
 * <p>
 * It starts an application of its own rather than using the shared one: closing it is the
 * test.
 */
class GracefulShutdownTest {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	@TempDir
	Path dataDir;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void readinessGoesDownFirstAndTheRequestInFlightIsAnswered() throws Exception {
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		SpringApplication application = new SpringApplication(StokerApplication.class);
		// registered by hand: a component in the test sources would be scanned into every
		// other test's application
		application.addInitializers(context -> ((GenericApplicationContext) context).registerBean("slowRequest",
				ServletRegistrationBean.class,
				() -> new ServletRegistrationBean<>(new SlowServlet(entered, release), "/test/slow")));
		ConfigurableApplicationContext context = application.run("--server.port=0", "--stoker.data-dir=" + dataDir,
				"--stoker.admin.token=graceful-shutdown-test-token", "--spring.main.banner-mode=off");
		Thread closing = new Thread(context::close, "close-application");
		try {
			int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
			ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
			CompletableFuture<HttpResponse<String>> inFlight = http
				.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test/slow"))
					// every path but the open ones needs a credential
					.header("Authorization", "Bearer graceful-shutdown-test-token")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(entered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

			closing.start();
			eventually(() -> availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC);
			eventually(() -> !accepts(port));
			assertThat(inFlight).as("the request in flight is still running").isNotDone();
			assertThat(closing.isAlive()).as("shutdown waits for it").isTrue();

			release.countDown();
			HttpResponse<String> answer = inFlight.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).isEqualTo("finished");
			closing.join(PATIENCE.toMillis());
			assertThat(closing.isAlive()).isFalse();
			assertThat(context.isActive()).isFalse();
		}
		finally {
			release.countDown();
			if (!closing.isAlive()) {
				context.close();
			}
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket("localhost", port)) {
			return true;
		}
		catch (ConnectException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void eventually(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met within %s", PATIENCE).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	/** Answers once the test lets it. */
	private static final class SlowServlet extends HttpServlet {

		private final transient CountDownLatch entered;

		private final transient CountDownLatch release;

		SlowServlet(CountDownLatch entered, CountDownLatch release) {
			this.entered = entered;
			this.release = release;
		}

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			entered.countDown();
			try {
				if (!release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
					response.sendError(500);
					return;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				response.sendError(500);
				return;
			}
			response.setContentType("text/plain");
			response.getWriter().write("finished");
		}

	}

}

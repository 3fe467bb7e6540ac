import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The boot storm: exactly TOTAL fetches of URL, at most CONNS at once (each on a
 * connection of its own while in flight), with the bearer TOKEN. Prints one STORM line:
 * wall time from the first request to the last answer, p50 and p99 of the answers'
 * latencies, and errors (an answer other than 2xx, or none within 30 s). wrk cannot
 * stop after a number of requests, hence this client; it runs with {@code java
 * Storm.java}, no build needed.
 */
public class Storm {

	public static void main(String[] args) throws Exception {
		URI url = URI.create(args[0]);
		String token = args[1];
		int total = Integer.parseInt(args[2]);
		int conns = Integer.parseInt(args[3]);
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newFixedThreadPool(4))
			.connectTimeout(Duration.ofSeconds(30))
			.build();
		HttpRequest request = HttpRequest.newBuilder(url)
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.build();
		Semaphore slots = new Semaphore(conns);
		long[] latencies = new long[total];
		AtomicInteger errors = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(total);
		long began = System.nanoTime();
		for (int i = 0; i < total; i++) {
			slots.acquire();
			int n = i;
			long sent = System.nanoTime();
			client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
				latencies[n] = System.nanoTime() - sent;
				if (failure != null || response.statusCode() / 100 != 2) {
					errors.incrementAndGet();
				}
				slots.release();
				done.countDown();
			});
		}
		done.await();
		double wall = (System.nanoTime() - began) / 1e9;
		Arrays.sort(latencies);
		System.out.printf("STORM requests=%d conns=%d wall_s=%.2f p50_ms=%.1f p99_ms=%.1f errors=%d%n", total, conns,
				wall, latencies[total / 2] / 1e6, latencies[(int) Math.ceil(total * 0.99) - 1] / 1e6, errors.get());
		System.exit(0);
	}

}

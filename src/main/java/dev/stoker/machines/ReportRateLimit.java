package dev.stoker.machines;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A token bucket per report credential, in this replica's memory: a node group may send
 * {@code reportsPerMinute} reports at once, then that many a minute. Its machines report
 * a handful of times each, so only a loop or a leaked credential meets it. Keyed by the
 * credential's public id; there are only as many as node groups.
 */
@Component
class ReportRateLimit {

	private final Clock clock;

	private final double capacity;

	private final double perNano;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private static final class Bucket {

		private double tokens;

		private long at;

		Bucket(double tokens, long at) {
			this.tokens = tokens;
			this.at = at;
		}

	}

	ReportRateLimit(MachineSettings settings, Clock clock) {
		this.clock = clock;
		this.capacity = Math.max(1, settings.reportsPerMinute());
		this.perNano = capacity / 60e9;
	}

	/** Takes a report from the credential's bucket, or throws 429 with when to retry. */
	void take(String credentialId) {
		long now = nanos();
		Bucket bucket = buckets.computeIfAbsent(credentialId, (id) -> new Bucket(capacity, now));
		synchronized (bucket) {
			bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perNano);
			bucket.at = now;
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return;
			}
			long wait = (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9);
			throw new TooManyReportsException("This node group's machines sent more reports than Stoker takes ("
					+ (long) capacity + " a minute, stoker.machines.reports-per-minute); retry after the seconds in"
					+ " Retry-After.", Math.max(1, wait));
		}
	}

	private long nanos() {
		java.time.Instant now = clock.instant();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

}

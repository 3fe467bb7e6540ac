package dev.stoker.keeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import dev.stoker.audit.KeeperCheckIns;

/**
 * {@code stoker_keeper_check_in_age_seconds{cluster}}: how long ago any keeper of the
 * cluster last checked in, read from the database (so every replica answers the same), at
 * most once per {@link #FRESH} for all clusters together. A cluster is tagged by its
 * stored name, and only once a keeper of it has checked in: never a name a request
 * brings. An alert on a value above 23 hours (82800) catches a token that may lapse.
 */
@Component
class KeeperMetrics {

	static final String AGE = "stoker.keeper.check.in.age";

	private static final Duration FRESH = Duration.ofSeconds(5);

	private final MeterRegistry registry;

	private final KeeperCheckIns checkIns;

	private final Clock clock;

	private final Set<String> tracked = ConcurrentHashMap.newKeySet();

	private volatile Snapshot snapshot = new Snapshot(Instant.MIN, Map.of());

	private record Snapshot(Instant readAt, Map<String, Instant> latest) {
	}

	KeeperMetrics(MeterRegistry registry, KeeperCheckIns checkIns, Clock clock) {
		this.registry = registry;
		this.checkIns = checkIns;
		this.clock = clock;
	}

	/** Every cluster whose keepers have checked in before this replica started. */
	@EventListener(ApplicationReadyEvent.class)
	void trackKnownClusters() {
		try {
			checkIns.latestOfEveryCluster().keySet().forEach(this::track);
		}
		catch (DataAccessException ex) {
			// the next check-in of each cluster registers its gauge
		}
	}

	void track(String cluster) {
		if (tracked.add(cluster)) {
			Gauge.builder(AGE, () -> age(cluster))
				.description("Seconds since a join-token keeper of the cluster last checked in")
				.baseUnit("seconds")
				.tag("cluster", cluster)
				.register(registry);
		}
	}

	/** NaN when the cluster is gone or the database does not answer. */
	private double age(String cluster) {
		Instant now = clock.instant();
		Snapshot current = snapshot;
		if (current.readAt().plus(FRESH).isBefore(now)) {
			try {
				current = new Snapshot(now, checkIns.latestOfEveryCluster());
				snapshot = current;
			}
			catch (DataAccessException ex) {
				return Double.NaN;
			}
		}
		Instant latest = current.latest().get(cluster);
		return (latest != null) ? Duration.between(latest, now).toMillis() / 1000.0 : Double.NaN;
	}

}

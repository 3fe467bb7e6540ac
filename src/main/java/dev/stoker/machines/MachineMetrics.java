package dev.stoker.machines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code stoker_machines{cluster,phase}}, the machines of a cluster in each phase, and
 * {@code stoker_machines_stuck{cluster}}, those flagged stuck: read from the database (so
 * every replica answers the same), at most once per {@link #FRESH} for all clusters
 * together. A cluster is tagged by its stored name once a machine of it has reported,
 * never by a name a request brings; a phase by its fixed name.
 */
@Component
class MachineMetrics {

	static final String MACHINES = "stoker.machines";

	static final String STUCK = "stoker.machines.stuck";

	private static final Duration FRESH = Duration.ofSeconds(5);

	private final MeterRegistry registry;

	private final MachineRepository repository;

	private final Clock clock;

	private final Duration stuckAfter;

	private final Set<String> tracked = ConcurrentHashMap.newKeySet();

	private volatile Snapshot snapshot = new Snapshot(Instant.MIN, List.of());

	private record Snapshot(Instant readAt, List<MachineRepository.Count> counts) {
	}

	MachineMetrics(MeterRegistry registry, MachineRepository repository, Clock clock, MachineSettings settings) {
		this.registry = registry;
		this.repository = repository;
		this.clock = clock;
		this.stuckAfter = settings.stuckAfter();
	}

	/** Every cluster whose machines reported before this replica started. */
	@EventListener(ApplicationReadyEvent.class)
	void trackKnownClusters() {
		try {
			repository.counts(clock.instant()).forEach((count) -> track(count.cluster()));
		}
		catch (DataAccessException ex) {
			// the next report of each cluster registers its gauges
		}
	}

	void track(String cluster) {
		if (tracked.add(cluster)) {
			for (MachinePhase phase : MachinePhase.values()) {
				Gauge.builder(MACHINES, () -> count(cluster, phase, false))
					.description("Machines of the cluster whose last report is this phase")
					.tag("cluster", cluster)
					.tag("phase", phase.wireName())
					.register(registry);
			}
			Gauge.builder(STUCK, () -> count(cluster, null, true))
				.description("Machines of the cluster that have not joined and whose phase has not changed for"
						+ " longer than stoker.machines.stuck-after")
				.tag("cluster", cluster)
				.register(registry);
		}
	}

	/** NaN when the database does not answer; 0 for a cluster gone. */
	private double count(String cluster, MachinePhase phase, boolean stuck) {
		Instant now = clock.instant();
		Snapshot current = snapshot;
		if (current.readAt().plus(FRESH).isBefore(now)) {
			try {
				current = new Snapshot(now, repository.counts(now.minus(stuckAfter)));
				snapshot = current;
			}
			catch (DataAccessException ex) {
				return Double.NaN;
			}
		}
		return current.counts()
			.stream()
			.filter((count) -> count.cluster().equals(cluster) && (phase == null || count.phase() == phase))
			.mapToLong((count) -> stuck ? count.stuck() : count.machines())
			.sum();
	}

}

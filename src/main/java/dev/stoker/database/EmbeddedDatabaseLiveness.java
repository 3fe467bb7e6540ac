package dev.stoker.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Liveness's view of the embedded database: DOWN only when H2 closed its store, a write
 * through it still fails, and yet the data directory takes one. Then the fault is in this
 * process, not on the disk, and only a restart reopens the database. On a disk that is
 * still full it stays UP: a restarted Stoker would not even start (the data directory is
 * probed before anything else), and this one recovers by itself once space is freed,
 * while readiness keeps it out of the Service. It asks nothing while nothing failed, and
 * nothing at all of PostgreSQL, whose outage must not get every pod restarted. The bean
 * name makes it the {@code embeddedDatabase} contributor of the liveness group.
 */
@Component("embeddedDatabaseHealthIndicator")
class EmbeddedDatabaseLiveness extends AbstractHealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseLiveness.class);

	private final EmbeddedStore store;

	private final DataVolume volume;

	EmbeddedDatabaseLiveness(EmbeddedStore store, DataVolume volume) {
		super("The embedded database's liveness could not be checked");
		this.store = store;
		this.volume = volume;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (store.writes() || !volume.takesWrites()) {
			builder.up();
			return;
		}
		log.warn("The embedded database takes no write although the data directory does: only a restart reopens it");
		builder.down();
	}

}

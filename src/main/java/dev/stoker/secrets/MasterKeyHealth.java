package dev.stoker.secrets;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import dev.stoker.database.ReadinessQuery;

/**
 * Readiness's view of the master key: a store under another key than this instance's is
 * DOWN. After another instance rotated the master key, this one can neither read the
 * secrets nor recognise a fetch token, so it leaves the Service until it is restarted
 * with the new key. It reads the answer the database's contributor has asked for too
 * ({@link ReadinessQuery}): an unreachable database is waited for once per probe. The
 * bean name makes it the {@code masterKey} contributor.
 */
@Component("masterKeyHealthIndicator")
class MasterKeyHealth extends AbstractHealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(MasterKeyHealth.class);

	private final ReadinessQuery query;

	private final MasterKey key;

	private volatile boolean stale;

	MasterKeyHealth(ReadinessQuery query, MasterKey key) {
		super("The database does not answer which master key the store is under");
		this.query = query;
		this.key = key;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<String> recorded = query.masterKeyIds();
		if (recorded.equals(List.of(key.id()))) {
			stale = false;
			builder.up();
			return;
		}
		String why = "the store is under master key " + (recorded.isEmpty() ? "(none recorded)" : recorded.get(0))
				+ ", but this instance runs with " + key.id();
		if (!stale) {
			// once, not at every probe
			stale = true;
			log.warn("Not ready: {}. Restart this instance with the store's key in stoker.master.key", why);
		}
		builder.down().withDetail("masterKey", why);
	}

}

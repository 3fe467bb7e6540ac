package dev.stoker.secrets;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stops the start when the configured master key is not the one the store is encrypted
 * under. Otherwise a replica with another key reports ready while fetch tokens get 401
 * (their lookup hash is keyed from the master key, and Ignition gives up on a 401),
 * documents fail, and its writes leave rows the right key can never read.
 * <p>
 * The store records its key's id in {@code master_key}: the first start on an empty store
 * records its own (a store written before that table existed is judged by the key ids
 * next to its ciphertexts), and of two replicas starting together on an empty store the
 * second finds the first's id. Runs while the context starts, after the migrations and
 * before the server takes a request.
 */
@Component
// runs with the migrations: a start that manages no schema (spring.flyway.enabled=false)
// has no table to check either
@ConditionalOnBooleanProperty(name = "spring.flyway.enabled", matchIfMissing = true)
class StoredMasterKey implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(StoredMasterKey.class);

	private final JdbcClient jdbc;

	private final MasterKey key;

	private final Clock clock;

	StoredMasterKey(JdbcClient jdbc, MasterKey key, Clock clock) {
		this.jdbc = jdbc;
		this.key = key;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		verify();
	}

	/**
	 * Throws {@link WrongMasterKeyException} unless the store is under the configured
	 * key.
	 */
	void verify() {
		Optional<String> recorded = recorded();
		if (recorded.isPresent()) {
			requireConfigured(recorded.get());
			return;
		}
		// "v1:<key id>:<base64>": the id is the 8 characters after the version
		List<String> written = jdbc
			.sql("SELECT DISTINCT SUBSTRING(bootstrap_token, 4, 8) FROM cluster_secrets"
					+ " UNION SELECT DISTINCT SUBSTRING(token, 4, 8) FROM fetch_token")
			.query(String.class)
			.list();
		for (String id : written) {
			requireConfigured(id);
		}
		try {
			jdbc.sql("INSERT INTO master_key (singleton, key_id, recorded_at) VALUES (TRUE, ?, ?)")
				.params(key.id(), clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
				.update();
			log.info("The store is encrypted under master key {} from now on", key.id());
		}
		catch (DuplicateKeyException ex) {
			// another replica recorded its key in the meantime
			requireConfigured(recorded().orElseThrow());
		}
	}

	private Optional<String> recorded() {
		return jdbc.sql("SELECT key_id FROM master_key").query(String.class).optional();
	}

	private void requireConfigured(String stored) {
		if (!stored.equals(key.id())) {
			throw new WrongMasterKeyException(stored, key.id());
		}
	}

	/** Names both keys by id only: an id gives nothing of its key away. */
	static class WrongMasterKeyException extends IllegalStateException {

		WrongMasterKeyException(String stored, String configured) {
			super("The stored secrets are encrypted under master key " + stored + ", but the configured master key is "
					+ configured + ". Set stoker.master.key (STOKER_MASTER_KEY), or the master-key file in the data "
					+ "directory, to the key the store was written with (its id is the first 8 hex characters of "
					+ "its SHA-256: base64 -d <<< \"$STOKER_MASTER_KEY\" | sha256sum | cut -c1-8). Stoker does not "
					+ "start under another key, so that nothing is written that the right key cannot read.");
		}

	}

}

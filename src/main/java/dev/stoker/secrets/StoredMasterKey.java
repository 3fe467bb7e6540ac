package dev.stoker.secrets;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import dev.stoker.StokerProperties;
import dev.stoker.database.StoredTime;

/**
 * Stops the start when the configured master key is not the one the store is encrypted
 * under, unless it is the previous key of a rotation. Otherwise a replica with another
 * key reports ready while fetch tokens get 401 (their lookup hash is keyed from the
 * master key, and Ignition gives up on a 401), documents fail, and its writes leave rows
 * the right key can never read.
 * <p>
 * The store records its key's id in {@code master_key}: the first start on an empty store
 * records its own (a store written before that table existed is judged by the key ids
 * next to its ciphertexts), and of two replicas starting together on an empty store the
 * second finds the first's id. When the store is under {@code stoker.master.previous-key}
 * the start re-encrypts it under the configured key and records that key, in one
 * transaction that holds the {@code master_key} row FOR UPDATE: a crash leaves the old
 * store or the new one, of two replicas starting together one rotates and the other finds
 * it done, and writers of running replicas (see {@link RecordedMasterKey}) wait for it.
 * Runs while the context starts, after the migrations and before the server takes a
 * request.
 */
@Component
// runs with the migrations: a start that manages no schema (spring.flyway.enabled=false)
// has no table to check either
@ConditionalOnBooleanProperty(name = "spring.flyway.enabled", matchIfMissing = true)
class StoredMasterKey implements InitializingBean {

	/** What a start found. */
	enum Outcome {

		/** The store is under the configured key (recorded now, if it was not yet). */
		CURRENT,

		/** This start re-encrypted the store from the previous key. */
		ROTATED,

		/** Another instance re-encrypted it while this one waited for the lock. */
		ROTATED_ELSEWHERE

	}

	private static final Logger log = LoggerFactory.getLogger(StoredMasterKey.class);

	private final JdbcClient jdbc;

	private final MasterKey key;

	private final Optional<MasterKey> previous;

	private final TransactionOperations transactions;

	private final RandomSource random;

	private final Clock clock;

	@Autowired
	StoredMasterKey(JdbcClient jdbc, MasterKey key, StokerProperties properties, TransactionOperations transactions,
			RandomSource random, Clock clock) {
		this(jdbc, key, MasterKey.previous(properties), transactions, random, clock);
	}

	StoredMasterKey(JdbcClient jdbc, MasterKey key, Optional<MasterKey> previous, TransactionOperations transactions,
			RandomSource random, Clock clock) {
		this.jdbc = jdbc;
		this.key = key;
		this.previous = previous;
		this.transactions = transactions;
		this.random = random;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		verify();
	}

	/**
	 * Re-encrypts the store when it is under the previous key; throws
	 * {@link WrongMasterKeyException} when it is under neither key, and
	 * {@link RotationFailedException} when a re-encryption failed (and changed nothing).
	 */
	Outcome verify() {
		String stored = recorded().orElseGet(this::recordFirst);
		if (stored.equals(key.id())) {
			previous
				.ifPresent((old) -> log.info(
						"The store is under the configured master key {}: the previous key {}"
								+ " ({}) is not used and may be removed",
						key.id(), old.id(), MasterKey.PREVIOUS_SETTING));
			return Outcome.CURRENT;
		}
		if (previous.isPresent() && stored.equals(previous.get().id())) {
			return rotate(previous.get());
		}
		throw wrong(stored);
	}

	private Optional<String> recorded() {
		return jdbc.sql("SELECT key_id FROM master_key").query(String.class).optional();
	}

	/**
	 * Records the key a store without a record is under: the one its ciphertexts name, or
	 * this instance's on an empty store. Answers the id recorded, which is another
	 * replica's when it came first.
	 */
	private String recordFirst() {
		// "v1:<key id>:<base64>": the id is the 8 characters after the version
		List<String> written = jdbc
			.sql("SELECT DISTINCT SUBSTRING(bootstrap_token, 4, 8) FROM cluster_secrets"
					+ " UNION SELECT DISTINCT SUBSTRING(token, 4, 8) FROM fetch_token")
			.query(String.class)
			.list();
		String under = key.id();
		for (String id : written) {
			if (previous.isPresent() && id.equals(previous.get().id())) {
				under = id;
			}
			else if (!id.equals(key.id())) {
				throw wrong(id);
			}
		}
		try {
			jdbc.sql("INSERT INTO master_key (singleton, key_id, recorded_at) VALUES (TRUE, ?, ?)")
				.params(under, now())
				.update();
			log.info("The store is encrypted under master key {}", under);
			return under;
		}
		catch (DuplicateKeyException ex) {
			// another replica recorded its key in the meantime
			return recorded().orElseThrow();
		}
	}

	private Outcome rotate(MasterKey from) {
		Rotated rotated;
		try {
			rotated = transactions.execute((status) -> {
				String locked = jdbc.sql("SELECT key_id FROM master_key FOR UPDATE").query(String.class).single();
				if (locked.equals(key.id())) {
					return new Rotated(Outcome.ROTATED_ELSEWHERE, null);
				}
				if (!locked.equals(from.id())) {
					throw wrong(locked);
				}
				MasterKeyRotation.Counts counts = new MasterKeyRotation(jdbc, from, key, random).run();
				jdbc.sql("UPDATE master_key SET key_id = ?, recorded_at = ?").params(key.id(), now()).update();
				return new Rotated(Outcome.ROTATED, counts);
			});
		}
		catch (WrongMasterKeyException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new RotationFailedException(from.id(), key.id(), ex);
		}
		if (rotated.outcome() == Outcome.ROTATED) {
			log.info(
					"Re-encrypted the secrets of {} clusters and {} fetch tokens from master key {} to {}: the store is"
							+ " under {} from now on, and {} may be removed",
					rotated.counts().clusters(), rotated.counts().fetchTokens(), from.id(), key.id(), key.id(),
					MasterKey.PREVIOUS_SETTING);
		}
		else {
			log.info("Another instance has re-encrypted the store from master key {} to {}", from.id(), key.id());
		}
		return rotated.outcome();
	}

	private record Rotated(Outcome outcome, MasterKeyRotation.Counts counts) {

	}

	private WrongMasterKeyException wrong(String stored) {
		return new WrongMasterKeyException(stored, key.id(), previous.map(MasterKey::id).orElse(null));
	}

	private OffsetDateTime now() {
		return StoredTime.column(clock.instant());
	}

	/** Names every key by id only: an id gives nothing of its key away. */
	static class WrongMasterKeyException extends IllegalStateException {

		WrongMasterKeyException(String stored, String configured, String previous) {
			super("The stored secrets are encrypted under master key " + stored + ", but the configured master key is "
					+ configured + ((previous != null) ? " and the previous key is " + previous : "")
					+ ". Set stoker.master.key (STOKER_MASTER_KEY), or the master-key file in the data "
					+ "directory, to the key the store was written with (its id is the first 8 hex characters of "
					+ "its SHA-256: base64 -d <<< \"$STOKER_MASTER_KEY\" | sha256sum | cut -c1-8), or, to move the "
					+ "store to a new key, set that one and the store's key as " + MasterKey.PREVIOUS_SETTING
					+ ". Stoker does not start under another key, so that nothing is written that the right key "
					+ "cannot read.");
		}

	}

	/**
	 * A re-encryption that failed: its transaction rolled back, so the store is as it
	 * was, under the old key.
	 */
	static class RotationFailedException extends IllegalStateException {

		RotationFailedException(String from, String to, Throwable cause) {
			super("Re-encrypting the stored secrets from master key " + from + " to " + to
					+ " failed, so nothing was changed: the store is still under " + from + ". The cause follows; "
					+ "once it is fixed, start again with both keys", cause);
		}

	}

}

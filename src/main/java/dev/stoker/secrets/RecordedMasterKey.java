package dev.stoker.secrets;

import java.util.Optional;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares the master key the store records with this instance's, where acting under a
 * rotated-away key would do harm: before writing a ciphertext or a lookup hash, and
 * before answering that a fetch token is unknown. Throws {@link StaleMasterKeyException}
 * when they differ. Reads that succeed never ask: a fetch token found by its hash costs
 * no extra query.
 */
@Component
class RecordedMasterKey {

	private static final String SELECT = "SELECT key_id FROM master_key";

	private final JdbcTemplate template;

	private final JdbcClient jdbc;

	private final MasterKey key;

	private volatile String writeQuery;

	RecordedMasterKey(JdbcTemplate template, MasterKey key) {
		this.template = template;
		this.jdbc = JdbcClient.create(template);
		this.key = key;
	}

	/**
	 * Call first in a transaction that writes ciphertext or lookup hashes, before it
	 * touches a row of {@code cluster_secrets} or {@code fetch_token}. On PostgreSQL the
	 * read takes a share lock on the {@code master_key} row until the transaction ends:
	 * writers do not wait for each other, but a rotation (which locks the row FOR UPDATE)
	 * waits for them to commit and then re-encrypts what they wrote, and a writer that
	 * comes during a rotation waits for it and then finds the new key id. Taking it
	 * before any other row of those tables keeps the two from waiting on each other.
	 */
	void requireForWrite() {
		require(jdbc.sql(writeQuery()).query(String.class).optional());
	}

	/** Call when a presented fetch token or keeper credential matched no row. */
	void requireCurrent() {
		require(jdbc.sql(SELECT).query(String.class).optional());
	}

	private void require(Optional<String> recorded) {
		if (!recorded.filter(key.id()::equals).isPresent()) {
			throw StaleMasterKeyException.ofStore(recorded.orElse(null), key.id());
		}
	}

	/**
	 * H2 has no FOR SHARE (2.4 refuses it as a syntax error), and needs none: an embedded
	 * database belongs to the one process that opened it, whose rotation ran before it
	 * served anything. Found out on the first write rather than at start, so that a start
	 * does not need the database.
	 */
	private String writeQuery() {
		String query = writeQuery;
		if (query == null) {
			String product = template.execute(
					(ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName());
			query = "PostgreSQL".equals(product) ? SELECT + " FOR SHARE" : SELECT;
			writeQuery = query;
		}
		return query;
	}

}

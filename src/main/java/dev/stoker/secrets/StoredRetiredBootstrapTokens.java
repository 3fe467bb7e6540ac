package dev.stoker.secrets;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.stoker.database.StoredTime;

/**
 * The {@code retired_bootstrap_token} table, each value encrypted under the master key
 * and bound to its cluster row and token id.
 */
@Service
class StoredRetiredBootstrapTokens implements RetiredBootstrapTokens {

	/** How long a token's row outlives its listing, for whoever investigates. */
	private static final Duration KEPT_AFTER_LISTING = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final ClusterSecretsRepository clusters;

	private final SecretCipher cipher;

	private final RecordedMasterKey recordedKey;

	StoredRetiredBootstrapTokens(JdbcClient jdbc, ClusterSecretsRepository clusters, SecretCipher cipher,
			RecordedMasterKey recordedKey) {
		this.jdbc = jdbc;
		this.clusters = clusters;
		this.cipher = cipher;
		this.recordedKey = recordedKey;
	}

	@Override
	public void retire(String cluster, BootstrapToken token, Instant now, Instant until) {
		recordedKey.requireForWrite();
		long id = clusters.clusterId(cluster)
			.orElseThrow(() -> new IllegalStateException("There is no cluster " + cluster + " to retire a token of"));
		jdbc.sql("DELETE FROM retired_bootstrap_token WHERE cluster_id = ? AND listed_until < ?")
			.params(id, StoredTime.column(now.minus(KEPT_AFTER_LISTING)))
			.update();
		jdbc.sql("INSERT INTO retired_bootstrap_token (cluster_id, token_id, token, retired_at, listed_until)"
				+ " VALUES (?, ?, ?, ?, ?)")
			.params(id, token.id(),
					cipher.encrypt(token.value(), SecretKind.RETIRED_BOOTSTRAP_TOKEN.associatedData(id, token.id())),
					StoredTime.column(now), StoredTime.column(until))
			.update();
	}

	@Override
	public List<RetiredBootstrapToken> listed(String cluster, Instant now) {
		return jdbc
			.sql("SELECT r.cluster_id, r.token_id, r.token, r.retired_at, r.listed_until FROM retired_bootstrap_token r"
					+ " JOIN cluster c ON c.id = r.cluster_id WHERE c.name = ? AND r.listed_until > ?"
					+ " ORDER BY r.retired_at, r.id")
			.params(cluster, StoredTime.column(now))
			.query((rs, n) -> new RetiredBootstrapToken(
					BootstrapToken.parse(cipher.decrypt(rs.getString(3),
							SecretKind.RETIRED_BOOTSTRAP_TOKEN.associatedData(rs.getLong(1), rs.getString(2)))),
					rs.getObject(4, OffsetDateTime.class).toInstant(),
					rs.getObject(5, OffsetDateTime.class).toInstant()))
			.list();
	}

}

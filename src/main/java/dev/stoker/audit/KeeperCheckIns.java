package dev.stoker.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.stoker.database.StoredTime;

/**
 * The {@code keeper_check_in} table: every report of a join-token keeper, the facts
 * late-join warnings and the check-in age metric are drawn from. Rows older than
 * {@link #KEPT} are pruned as new ones come in.
 */
@Repository
public class KeeperCheckIns {

	static final Duration KEPT = Duration.ofDays(30);

	private static final String SELECT = "SELECT node, checked_in_at, present, added, extended, deleted"
			+ " FROM keeper_check_in";

	private final JdbcClient jdbc;

	private final Clock clock;

	public KeeperCheckIns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a check-in, in the caller's transaction, and answers it; throws
	 * {@link ClusterGoneException} (404) when there is no such cluster.
	 */
	public KeeperCheckIn record(String cluster, String node, List<String> present, List<String> added,
			List<String> extended, List<String> deleted, String clientAddress) {
		Instant now = StoredTime.now(clock);
		Optional<Long> id = jdbc.sql("SELECT id FROM cluster WHERE name = ?")
			.param(cluster)
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			throw new ClusterGoneException(cluster);
		}
		jdbc.sql("DELETE FROM keeper_check_in WHERE cluster_id = ? AND checked_in_at < ?")
			.params(id.get(), StoredTime.column(now.minus(KEPT)))
			.update();
		jdbc.sql("INSERT INTO keeper_check_in (cluster_id, node, checked_in_at, present, added, extended, deleted,"
				+ " client_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id.get(), node, StoredTime.column(now), join(present), join(added), join(extended), join(deleted),
					clientAddress)
			.update();
		forgetRecent(cluster);
		return new KeeperCheckIn(node, now, present, added, extended, deleted);
	}

	/**
	 * How often {@link #latestRecent} reads a cluster's newest check-in again: it is
	 * asked on every join document's fetch, for a warning about a day without check-ins,
	 * which a second does not change. A check-in recorded here is seen at once.
	 */
	static final Duration RECENT = Duration.ofSeconds(1);

	/**
	 * Read again in the background once {@link #RECENT} old, so that no fetch waits for
	 * the read (under a boot storm every fetch of that moment would queue behind it);
	 * dropped when it could not be read again for ten times that.
	 */
	private final LoadingCache<String, Optional<KeeperCheckIn>> recent = Caffeine.newBuilder()
		.maximumSize(10_000)
		.refreshAfterWrite(RECENT)
		.expireAfterWrite(RECENT.multipliedBy(10))
		.build(this::latest);

	/** Like {@link #latest}, as read about {@link #RECENT} ago at most. */
	public Optional<KeeperCheckIn> latestRecent(String cluster) {
		return recent.get(cluster);
	}

	/** The cluster's newest check-in, from any of its control planes. */
	public Optional<KeeperCheckIn> latest(String cluster) {
		return jdbc
			.sql(SELECT + " WHERE cluster_id = (SELECT id FROM cluster WHERE name = ?)"
					+ " ORDER BY checked_in_at DESC, id DESC LIMIT 1")
			.param(cluster)
			.query(KeeperCheckIns::row)
			.optional();
	}

	/**
	 * Forgets the cluster's kept check-in now and once the caller's transaction has
	 * committed: a fetch between the two would keep the one before.
	 */
	private void forgetRecent(String cluster) {
		recent.invalidate(cluster);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					recent.invalidate(cluster);
				}

			});
		}
	}

	/** Each control plane's newest check-in, by node name. */
	public List<KeeperCheckIn> latestPerNode(String cluster) {
		return jdbc
			.sql(SELECT + " k WHERE k.cluster_id = (SELECT id FROM cluster WHERE name = ?)"
					+ " AND k.id = (SELECT MAX(n.id) FROM keeper_check_in n WHERE n.cluster_id = k.cluster_id"
					+ " AND n.node = k.node) ORDER BY k.node")
			.param(cluster)
			.query(KeeperCheckIns::row)
			.list();
	}

	/** When each cluster's keepers last checked in, for the clusters that have ever. */
	public Map<String, Instant> latestOfEveryCluster() {
		return jdbc
			.sql("SELECT c.name, MAX(k.checked_in_at) FROM keeper_check_in k JOIN cluster c ON c.id = k.cluster_id"
					+ " GROUP BY c.name")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static KeeperCheckIn row(ResultSet rs, int n) throws SQLException {
		return new KeeperCheckIn(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
				split(rs.getString(3)), split(rs.getString(4)), split(rs.getString(5)), split(rs.getString(6)));
	}

	private static String join(List<String> ids) {
		return String.join(",", ids);
	}

	private static List<String> split(String ids) {
		return ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
	}

}

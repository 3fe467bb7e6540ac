package dev.stoker.cluster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

import dev.stoker.database.StoredTime;
import dev.stoker.definition.ClusterDefinition;
import dev.stoker.definition.ValidCluster;
import dev.stoker.json.Mappers;

/**
 * Cluster definitions in the {@code cluster} table, with the revision column as
 * optimistic lock.
 */
@Repository
class JdbcClusterRepository implements ClusterRepository {

	private static final String COLUMNS = "SELECT definition, revision, created_at, updated_at FROM cluster";

	private static final Comparator<StoredCluster> BY_NAME = Comparator.comparing(StoredCluster::name);

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	JdbcClusterRepository(JdbcClient jdbc, TransactionOperations transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public Optional<StoredCluster> find(String name) {
		return jdbc.sql(COLUMNS + " WHERE name = ?").param(name).query(this::row).optional();
	}

	@Override
	public Optional<ClusterVersion> version(String name) {
		return jdbc.sql("SELECT id, revision FROM cluster WHERE name = ?")
			.param(name)
			.query((rs, n) -> new ClusterVersion(rs.getLong(1), rs.getLong(2)))
			.optional();
	}

	@Override
	public Optional<StoredCluster> findAt(String name, ClusterVersion version) {
		return jdbc.sql(COLUMNS + " WHERE name = ? AND id = ? AND revision = ?")
			.params(name, version.id(), version.revision())
			.query(this::row)
			.optional();
	}

	/**
	 * Sorted here rather than with ORDER BY, which follows the database's collation:
	 * en_US and other natural-language collations skip hyphens, so PostgreSQL would list
	 * a10 before a-2 where H2 lists a-2 first. Names are ASCII, so this is byte order
	 * everywhere.
	 */
	@Override
	public List<StoredCluster> findAll() {
		return jdbc.sql(COLUMNS).query(this::row).list().stream().sorted(BY_NAME).toList();
	}

	@Override
	public StoredCluster insert(ValidCluster cluster, Instant now) {
		try {
			jdbc.sql("INSERT INTO cluster (name, revision, definition, created_at, updated_at) VALUES (?, 1, ?, ?, ?)")
				.params(cluster.name(), Mappers.json().writeValueAsString(cluster.definition()), StoredTime.column(now),
						StoredTime.column(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ClusterExistsException(cluster.name());
		}
		return new StoredCluster(cluster, 1, now, now);
	}

	/**
	 * The update and the read that answers it run in one transaction: the updated row
	 * stays locked until both are done, so the answer is this write, not a later writer's
	 * that got in between (its revision becomes the caller's ETag).
	 */
	@Override
	public Optional<StoredCluster> replace(ValidCluster cluster, long expectedRevision, Instant now) {
		return transactions.execute((status) -> {
			int updated = jdbc
				.sql("UPDATE cluster SET definition = ?, revision = ?, updated_at = ? WHERE name = ? AND revision = ?")
				.params(Mappers.json().writeValueAsString(cluster.definition()), expectedRevision + 1,
						StoredTime.column(now), cluster.name(), expectedRevision)
				.update();
			return updated == 1 ? find(cluster.name()) : Optional.empty();
		});
	}

	@Override
	public boolean delete(String name, long expectedRevision) {
		return jdbc.sql("DELETE FROM cluster WHERE name = ? AND revision = ?")
			.params(name, expectedRevision)
			.update() == 1;
	}

	private StoredCluster row(ResultSet rs, int rowNum) throws SQLException {
		return new StoredCluster(
				ValidCluster.of(Mappers.json().readValue(rs.getString("definition"), ClusterDefinition.class)),
				rs.getLong("revision"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}

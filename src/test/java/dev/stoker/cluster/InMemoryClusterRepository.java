package dev.stoker.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

import dev.stoker.definition.ValidCluster;

/** A hand-written fake for web tests: the repository's contract, held in a map. */
public class InMemoryClusterRepository implements ClusterRepository {

	private final ConcurrentSkipListMap<String, StoredCluster> clusters = new ConcurrentSkipListMap<>();

	/** Set while the store plays a database that cannot be reached. */
	private volatile boolean disconnected;

	@Override
	public Optional<StoredCluster> find(String name) {
		reach();
		return Optional.ofNullable(clusters.get(name));
	}

	/** The fake has no row ids: a cluster's creation time stands in for one. */
	@Override
	public Optional<ClusterVersion> version(String name) {
		return find(name).map(InMemoryClusterRepository::version);
	}

	@Override
	public Optional<StoredCluster> findAt(String name, ClusterVersion version) {
		return find(name).filter((stored) -> version(stored).equals(version));
	}

	private static ClusterVersion version(StoredCluster stored) {
		return new ClusterVersion(stored.createdAt().toEpochMilli(), stored.revision());
	}

	@Override
	public List<StoredCluster> findAll() {
		reach();
		return List.copyOf(clusters.values());
	}

	@Override
	public StoredCluster insert(ValidCluster definition, Instant now) {
		reach();
		StoredCluster stored = new StoredCluster(definition, 1, now, now);
		if (clusters.putIfAbsent(definition.name(), stored) != null) {
			throw new ClusterExistsException(definition.name());
		}
		return stored;
	}

	@Override
	public Optional<StoredCluster> replace(ValidCluster definition, long expectedRevision, Instant now) {
		reach();
		StoredCluster current = clusters.get(definition.name());
		if (current == null || current.revision() != expectedRevision) {
			return Optional.empty();
		}
		StoredCluster next = new StoredCluster(definition, expectedRevision + 1, current.createdAt(), now);
		return clusters.replace(definition.name(), current, next) ? Optional.of(next) : Optional.empty();
	}

	/** Forgets every cluster, so each case of a table test starts from an empty store. */
	public void clear() {
		clusters.clear();
	}

	/**
	 * From now on every call fails as on a dropped connection, until
	 * {@link #reconnect()}.
	 */
	public void disconnect() {
		disconnected = true;
	}

	public void reconnect() {
		disconnected = false;
	}

	private void reach() {
		if (disconnected) {
			throw new CannotGetJdbcConnectionException("connection refused");
		}
	}

	@Override
	public boolean delete(String name, long expectedRevision) {
		reach();
		StoredCluster current = clusters.get(name);
		return current != null && current.revision() == expectedRevision && clusters.remove(name, current);
	}

}

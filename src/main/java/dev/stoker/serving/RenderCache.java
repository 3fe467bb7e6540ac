package dev.stoker.serving;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.stereotype.Component;

import dev.stoker.cluster.ClusterVersion;
import dev.stoker.cluster.StoredCluster;
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.secrets.SecretClocks;

/**
 * What serving a document costs to make, kept by what determines it: the parsed
 * definition and the decrypted secrets by the cluster's version, the rendered text by
 * {@link DocumentKey}. A fetch starts from the version this replica last saw of its
 * cluster, and its audit row checks that version in the statement that commits before the
 * answer (reading it again when it moved), so an entry of an older version is never
 * served: it is only never asked for again, and ages out. Bounded, and never listed nor
 * logged: the entries hold secrets. Hits and misses are the {@code cache.gets} meters,
 * tagged {@code cache=stoker.documents}, {@code stoker.definitions} or
 * {@code stoker.secrets}.
 */
@Component
class RenderCache {

	/**
	 * Rendered documents are a few KiB: 32 MiB hold thousands of groups' documents.
	 */
	static final long MAX_DOCUMENT_BYTES = 32L * 1024 * 1024;

	/** Clusters whose definition and secrets stay decoded. */
	static final long MAX_CLUSTERS = 1_000;

	/**
	 * Kept as the UTF-8 bytes served: each fetch of a worker's Ignition otherwise encoded
	 * its 8.7 kB again, a tenth of what a fetch allocated (async-profiler, allocation
	 * mode).
	 */
	private final Cache<DocumentKey, byte[]> documents = Caffeine.newBuilder()
		.maximumWeight(MAX_DOCUMENT_BYTES)
		.<DocumentKey, byte[]>weigher((key, utf8) -> utf8.length)
		.recordStats()
		.build();

	private final Cache<ClusterVersion, StoredCluster> definitions = Caffeine.newBuilder()
		.maximumSize(MAX_CLUSTERS)
		.recordStats()
		.build();

	private final Cache<ClusterVersion, KubeadmSecrets> secrets = Caffeine.newBuilder()
		.maximumSize(MAX_CLUSTERS)
		.recordStats()
		.build();

	/**
	 * The version of each cluster this replica last saw: where a fetch starts, never what
	 * decides that it may be served.
	 */
	private final Cache<String, ClusterVersion> lastVersions = Caffeine.newBuilder().maximumSize(MAX_CLUSTERS).build();

	/**
	 * How long the join secrets' clocks are kept, for the late-join warnings: they start
	 * once (the bootstrap node's first fetch, which this replica forgets them for at once
	 * when it serves it) and are restarted by rotations, which move the version; and each
	 * warning is about hours having passed since, which a second does not change.
	 */
	static final Duration CLOCKS_KEPT = Duration.ofSeconds(1);

	private final Cache<String, Kept<SecretClocks>> clocks = Caffeine.newBuilder()
		.maximumSize(MAX_CLUSTERS)
		.expireAfterWrite(CLOCKS_KEPT)
		.build();

	RenderCache(MeterRegistry registry) {
		CaffeineCacheMetrics.monitor(registry, documents, "stoker.documents");
		CaffeineCacheMetrics.monitor(registry, definitions, "stoker.definitions");
		CaffeineCacheMetrics.monitor(registry, secrets, "stoker.secrets");
	}

	/**
	 * The definition at {@code version}, read by {@code read} when it is not kept; empty
	 * (and nothing kept) when the cluster has moved on since.
	 */
	Optional<StoredCluster> definition(ClusterVersion version, Supplier<Optional<StoredCluster>> read) {
		return Optional.ofNullable(definitions.get(version, orNull(read)));
	}

	/** The secrets at {@code version}, like {@link #definition}. */
	Optional<KubeadmSecrets> secrets(ClusterVersion version, Supplier<Optional<KubeadmSecrets>> read) {
		return Optional.ofNullable(secrets.get(version, orNull(read)));
	}

	/**
	 * The UTF-8 bytes of the document of {@code key}, rendered by {@code render} when it
	 * is not kept. Concurrent requests for one key wait for a single render. The array is
	 * the cache's own: never written to.
	 */
	byte[] document(DocumentKey key, Supplier<String> render) {
		return documents.get(key, (k) -> render.get().getBytes(StandardCharsets.UTF_8));
	}

	/** The version of the cluster this replica last saw, if any. */
	Optional<ClusterVersion> lastVersion(String cluster) {
		return Optional.ofNullable(lastVersions.getIfPresent(cluster));
	}

	/**
	 * The definition of the version of the cluster this replica last saw, if still kept.
	 */
	Optional<StoredCluster> lastDefinition(String cluster) {
		return lastVersion(cluster).map(definitions::getIfPresent);
	}

	/**
	 * Notes a version read or confirmed: the newer revision of one row wins, another row
	 * (the cluster created again) replaces it, and a wrong guess only costs one read.
	 */
	void saw(String cluster, ClusterVersion version) {
		if (version.equals(lastVersions.getIfPresent(cluster))) {
			// the common case, without the lock of a merge that every fetch would queue
			// for
			return;
		}
		lastVersions.asMap()
			.merge(cluster, version,
					(kept, seen) -> (kept.id() == seen.id() && kept.revision() > seen.revision()) ? kept : seen);
	}

	/**
	 * The join secrets' clocks of {@code version}, read at most {@link #CLOCKS_KEPT} ago.
	 */
	SecretClocks clocks(String cluster, ClusterVersion version, Supplier<SecretClocks> read) {
		Kept<SecretClocks> kept = clocks.getIfPresent(cluster);
		if (kept != null && kept.version().equals(version)) {
			return kept.value();
		}
		SecretClocks now = read.get();
		clocks.put(cluster, new Kept<>(version, now));
		return now;
	}

	/** Forgets a cluster's clocks, once its bootstrap node's fetch started them. */
	void clocksChanged(String cluster) {
		clocks.invalidate(cluster);
	}

	private record Kept<T>(ClusterVersion version, T value) {
	}

	private static <K, V> Function<K, V> orNull(Supplier<Optional<V>> read) {
		return (key) -> read.get().orElse(null);
	}

}

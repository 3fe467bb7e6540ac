package dev.stoker.serving;

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

/**
 * What serving a document costs to make, kept by what determines it: the parsed
 * definition and the decrypted secrets by the cluster's version, the rendered text by
 * {@link DocumentKey}. Each fetch still reads the cluster's current version from the
 * database (and its audit row checks it again), so an entry of an older version is never
 * served: it is only never asked for again, and ages out. Bounded, and never listed nor
 * logged: the entries hold secrets. Hits and misses are the {@code cache.gets} meters,
 * tagged {@code cache=stoker.documents}, {@code stoker.definitions} or
 * {@code stoker.secrets}.
 */
@Component
class RenderCache {

	/**
	 * Rendered documents are a few KiB: 32 Mi characters (at most 64 MiB) hold thousands
	 * of groups' documents.
	 */
	static final long MAX_DOCUMENT_CHARACTERS = 32L * 1024 * 1024;

	/** Clusters whose definition and secrets stay decoded. */
	static final long MAX_CLUSTERS = 1_000;

	private final Cache<DocumentKey, String> documents = Caffeine.newBuilder()
		.maximumWeight(MAX_DOCUMENT_CHARACTERS)
		.<DocumentKey, String>weigher((key, text) -> text.length())
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
	 * The document of {@code key}, rendered by {@code render} when it is not kept.
	 * Concurrent requests for one key wait for a single render.
	 */
	String document(DocumentKey key, Supplier<String> render) {
		return documents.get(key, (k) -> render.get());
	}

	private static <K, V> Function<K, V> orNull(Supplier<Optional<V>> read) {
		return (key) -> read.get().orElse(null);
	}

}

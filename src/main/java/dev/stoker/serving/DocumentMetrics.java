package dev.stoker.serving;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The meters of document serving. Their tags are closed sets or names from stored
 * definitions, never what a request brings: a cluster's or node's name, a token or the
 * document itself would make every scrape a leak, and every new cluster a new time
 * series.
 */
@Component
class DocumentMetrics {

	static final String RENDER = "stoker.documents.render";

	static final String FETCHES = "stoker.documents.fetches";

	/**
	 * Group names come from stored definitions and mostly repeat across clusters
	 * (bootstrap, control-plane, workers); past this many distinct ones, a new name is
	 * counted under {@link #OTHER_GROUP}, so that many clusters with names of their own
	 * cannot grow the series without bound.
	 */
	static final int MAX_GROUP_NAMES = 50;

	/** Not a DNS-1123 label, so no group of a definition can be called that. */
	static final String OTHER_GROUP = "_other";

	private final MeterRegistry registry;

	private final Set<String> groupNames = ConcurrentHashMap.newKeySet();

	DocumentMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	Timer.Sample start() {
		return Timer.start(registry);
	}

	/**
	 * Records a document rendered since {@code sample} started; a render that failed (no
	 * such cluster, group or node) is not timed. Returns the document.
	 */
	String rendered(Timer.Sample sample, DocumentFormat format, String group, String document) {
		sample.stop(Timer.builder(RENDER)
			.description("Documents rendered, from reading the definition to the finished text")
			.tag("format", format.segment())
			.tag("group", groupTag(group))
			.serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(250),
					Duration.ofSeconds(1))
			.register(registry));
		return document;
	}

	/** Counts an answered document request, whatever its status (401, 404, 503, ...). */
	void fetched(DocumentFormat format, int status) {
		Counter.builder(FETCHES)
			.description("Document requests answered, by format and HTTP status")
			.tag("format", format.segment())
			.tag("status", Integer.toString(status))
			.register(registry)
			.increment();
	}

	private String groupTag(String name) {
		if (groupNames.contains(name)) {
			return name;
		}
		synchronized (groupNames) {
			if (groupNames.size() < MAX_GROUP_NAMES) {
				groupNames.add(name);
				return name;
			}
		}
		return OTHER_GROUP;
	}

}

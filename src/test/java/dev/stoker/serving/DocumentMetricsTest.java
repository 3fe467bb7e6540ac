package dev.stoker.serving;

import java.util.stream.IntStream;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group names tag the render timer, but however many clusters bring names of their own,
 * the number of series stays bounded.
 */
class DocumentMetricsTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final DocumentMetrics metrics = new DocumentMetrics(registry);

	private void render(String group) {
		metrics.rendered(metrics.start(), DocumentFormat.IGNITION, group, "{}");
	}

	private long groupTagValues() {
		return registry.find(DocumentMetrics.RENDER)
			.meters()
			.stream()
			.map(Meter::getId)
			.map(id -> id.getTag("group"))
			.distinct()
			.count();
	}

	@Test
	void groupNamesPastTheLimitAreCountedTogether() {
		IntStream.range(0, DocumentMetrics.MAX_GROUP_NAMES + 25).forEach(i -> render("group-" + i));

		assertThat(groupTagValues()).isEqualTo(DocumentMetrics.MAX_GROUP_NAMES + 1);
		assertThat(registry.get(DocumentMetrics.RENDER).tag("group", DocumentMetrics.OTHER_GROUP).timer().count())
			.isEqualTo(25);
	}

	@Test
	void aNameSeenBeforeTheLimitKeepsItsOwnSeries() {
		render("workers");
		IntStream.range(0, DocumentMetrics.MAX_GROUP_NAMES).forEach(i -> render("group-" + i));
		render("workers");

		assertThat(registry.get(DocumentMetrics.RENDER).tag("group", "workers").timer().count()).isEqualTo(2);
	}

	@Test
	void fetchesAreTaggedWithTheFormatsPathSegmentAndTheStatusCode() {
		metrics.fetched(DocumentFormat.KUBEADM, 401);

		assertThat(registry.get(DocumentMetrics.FETCHES).tags("format", "kubeadm", "status", "401").counter().count())
			.isEqualTo(1);
	}

}

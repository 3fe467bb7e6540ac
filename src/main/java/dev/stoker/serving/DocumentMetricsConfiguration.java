package dev.stoker.serving;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Counts document fetches at the servlet filter level (see the filter for why). */
@Configuration(proxyBeanMethods = false)
class DocumentMetricsConfiguration {

	@Bean
	DocumentFetchMetricsFilter documentFetchMetricsFilter(DocumentMetrics metrics) {
		return new DocumentFetchMetricsFilter(metrics);
	}

}

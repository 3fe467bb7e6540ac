package dev.stoker.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import dev.stoker.definition.validation.InvalidDefinitionException;

/**
 * Counts the definitions refused as invalid (answered 400 with their errors). It only
 * looks: it resolves nothing, so the problem detail is answered as before by the
 * resolvers after it. The counter has no tags: the cluster's name and the pointers of its
 * errors are unbounded, and would tell who wrote what.
 */
@Component
class RejectedDefinitionMetrics implements HandlerExceptionResolver, Ordered {

	static final String REJECTED = "stoker.definitions.rejected";

	private final Counter rejected;

	RejectedDefinitionMetrics(MeterRegistry registry) {
		this.rejected = Counter.builder(REJECTED)
			.description("Cluster definitions refused as invalid on create or replace")
			.register(registry);
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (ex instanceof InvalidDefinitionException) {
			rejected.increment();
		}
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}

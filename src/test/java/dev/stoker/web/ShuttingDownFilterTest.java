package dev.stoker.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ShuttingDownFilterTest {

	@Test
	void requestsPassUntilShutdownThenGet503WithRetryAfter() throws Exception {
		ShuttingDownFilter filter = new ShuttingDownFilter();
		MockHttpServletRequest request = new MockHttpServletRequest("GET",
				"/api/v1/clusters/c/node-groups/workers/ignition");

		MockFilterChain before = new MockFilterChain();
		MockHttpServletResponse served = new MockHttpServletResponse();
		filter.doFilter(request, served, before);
		assertThat(before.getRequest()).as("passed on").isNotNull();
		assertThat(served.getStatus()).isEqualTo(200);

		filter.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));
		MockFilterChain after = new MockFilterChain();
		MockHttpServletResponse refused = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/clusters"), refused, after);

		assertThat(after.getRequest()).as("not passed on").isNull();
		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
		assertThat(refused.getContentType()).isEqualTo("application/problem+json");
		assertThat(refused.getContentAsString()).contains("urn:stoker:problem:unavailable").contains("shutting down");

		MockFilterChain probe = new MockFilterChain();
		filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health/liveness"), new MockHttpServletResponse(),
				probe);
		assertThat(probe.getRequest()).as("health answers for itself").isNotNull();
	}

}

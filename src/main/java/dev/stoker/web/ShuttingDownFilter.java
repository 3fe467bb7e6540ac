package dev.stoker.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.stoker.problem.ProblemResponses;
import dev.stoker.problem.ProblemType;

/**
 * Once the application starts to shut down, a request that still arrives (on a kept-alive
 * connection, before the load balancer has noticed readiness go down) is answered 503
 * with Retry-After instead of being started: Ignition retries a 5xx, and the next attempt
 * reaches another replica. Requests already in flight finish (graceful shutdown).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ShuttingDownFilter extends OncePerRequestFilter implements ApplicationListener<ContextClosedEvent> {

	private volatile boolean shuttingDown;

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		shuttingDown = true;
	}

	/**
	 * The health probes keep answering for themselves: readiness already says
	 * OUT_OF_SERVICE while shutting down, and liveness must not fail a pod that is
	 * draining.
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!shuttingDown) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.CONNECTION, "close");
		ProblemResponses.write(response,
				ProblemType.UNAVAILABLE.problem("This instance is shutting down; retry shortly."));
	}

}

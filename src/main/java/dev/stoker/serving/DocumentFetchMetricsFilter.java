package dev.stoker.serving;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.stoker.serving.DocumentRoutes.DocumentRoute;

/**
 * Counts every answered document request by format and status. A filter rather than an
 * interceptor, and ahead of the admin token check, so that refusals (401) are counted
 * too: a node with a wrong token shows up here first. Only the path's last segment is
 * read; the cluster, group and node names are matched and dropped.
 * <p>
 * Declared in {@link DocumentMetricsConfiguration}, not scanned: web slice tests pick up
 * every filter component, and have no meter registry.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DocumentFetchMetricsFilter extends OncePerRequestFilter {

	private final DocumentMetrics metrics;

	DocumentFetchMetricsFilter(DocumentMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return format(request).isEmpty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DocumentFormat format = format(request).orElseThrow();
		int status = HttpStatus.INTERNAL_SERVER_ERROR.value();
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			// an exception that got this far is answered 500 by the container
			metrics.fetched(format, status);
		}
	}

	/** The document format of a GET on a document path; anything else is not counted. */
	private static Optional<DocumentFormat> format(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return Optional.empty();
		}
		return DocumentRoutes.parse(request.getRequestURI().substring(request.getContextPath().length()))
			.map(DocumentRoute::format);
	}

}

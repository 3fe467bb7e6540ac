package dev.stoker.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.stoker.StokerProperties;
import dev.stoker.problem.ProblemResponses;
import dev.stoker.problem.ProblemType;

/**
 * Refuses request bodies over {@code stoker.max-request-size} with 413: at once when
 * Content-Length says so, and while reading when a chunked body grows past it, so no
 * oversized body is ever buffered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private static final String LIMIT_ATTRIBUTE = RequestSizeLimitFilter.class.getName() + ".limit";

	private final long limit;

	RequestSizeLimitFilter(StokerProperties properties) {
		this.limit = properties.maxRequestSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.setAttribute(LIMIT_ATTRIBUTE, limit);
		if (request.getContentLengthLong() > limit) {
			response.setHeader(HttpHeaders.CONNECTION, "close");
			ProblemResponses.write(response, ProblemType.BODY_TOO_LARGE.problem(detail(limit)));
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	static boolean isTooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException) {
				return true;
			}
		}
		return false;
	}

	static String tooLargeDetail(WebRequest request) {
		Object limit = request.getAttribute(LIMIT_ATTRIBUTE, WebRequest.SCOPE_REQUEST);
		return detail(limit instanceof Long bytes ? bytes : -1);
	}

	private static String detail(long limit) {
		DataSize size = DataSize.ofBytes(limit);
		String readable = size.toKilobytes() % 1024 == 0 ? size.toMegabytes() + " MiB" : size.toKilobytes() + " KiB";
		return "The body is larger than " + readable + ", the most this service accepts.";
	}

	/**
	 * Thrown by the counting stream; it travels up as the cause of the converter's
	 * exception.
	 */
	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException() {
			super("request body over the size limit", null);
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new LimitedStream(super.getInputStream(), limit);
			}
			return stream;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		LimitedStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			read += n;
			if (read > limit) {
				throw new BodyTooLargeException();
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}

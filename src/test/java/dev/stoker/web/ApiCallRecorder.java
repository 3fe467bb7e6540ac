package dev.stoker.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test scope only: records every answer of the API that a test sees, in every application
 * the tests start (the component scan finds it, in full applications and in web slices
 * alike). Outermost of all filters, so it sees the answers of the filters that refuse a
 * request before it is routed too. It changes nothing of the answer: the body goes
 * through as it is written, and a copy of a problem body is kept only to name its
 * members.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE - 1)
class ApiCallRecorder extends OncePerRequestFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Stands for the members of a problem body that is not a JSON object. */
	static final String UNREADABLE = "(not a JSON object)";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CopyingResponse copying = new CopyingResponse(response);
		// an exception that escapes is no answer a client sees: only answers are recorded
		chain.doFilter(request, copying);
		Set<String> headers = new HashSet<>();
		response.getHeaderNames().forEach((name) -> headers.add(name.toLowerCase(Locale.ROOT)));
		ObservedApiCalls.record(new ObservedApiCalls.Call(request.getMethod(), request.getRequestURI(),
				credential(request.getHeader(HttpHeaders.AUTHORIZATION)), response.getStatus(), headers,
				copying.problemMembers()));
	}

	private static ObservedApiCalls.Credential credential(String authorization) {
		if (authorization == null) {
			return ObservedApiCalls.Credential.NONE;
		}
		return authorization.strip().toLowerCase(Locale.ROOT).startsWith("bearer stf.")
				? ObservedApiCalls.Credential.FETCH_TOKEN : ObservedApiCalls.Credential.OTHER;
	}

	/** Passes every byte on at once, and keeps a copy of a problem body. */
	private static final class CopyingResponse extends HttpServletResponseWrapper {

		private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

		private ServletOutputStream stream;

		private PrintWriter writer;

		CopyingResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (stream == null) {
				stream = new Tee(super.getOutputStream(), copy);
			}
			return stream;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (writer == null) {
				writer = new PrintWriter(
						new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())), true);
			}
			return writer;
		}

		@Override
		public void flushBuffer() throws IOException {
			if (writer != null) {
				writer.flush();
			}
			super.flushBuffer();
		}

		Set<String> problemMembers() {
			if (writer != null) {
				writer.flush();
			}
			String type = getContentType();
			if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(type))
					|| copy.size() == 0) {
				return Set.of();
			}
			Set<String> members = new HashSet<>();
			try {
				JsonNode problem = JSON.readTree(copy.toByteArray());
				problem.propertyNames().forEach(members::add);
			}
			catch (JacksonException ex) {
				members.add(UNREADABLE);
			}
			return members;
		}

	}

	private static final class Tee extends ServletOutputStream {

		private final ServletOutputStream out;

		private final ByteArrayOutputStream copy;

		Tee(ServletOutputStream out, ByteArrayOutputStream copy) {
			this.out = out;
			this.copy = copy;
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
			copy.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			out.write(bytes, offset, length);
			copy.write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			out.flush();
		}

		@Override
		public void close() throws IOException {
			out.close();
		}

		@Override
		public boolean isReady() {
			return out.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			out.setWriteListener(listener);
		}

	}

}

package dev.stoker.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.stoker.problem.ProblemResponses;
import dev.stoker.problem.ProblemType;

/**
 * Refuses, before any other filter and any handler, a request whose raw path is not in
 * normal form. Authorization is decided on the raw path, while Spring MVC routes the path
 * it decodes and strips of {@code ;} parameters: {@code /%61pi/v1/clusters} and
 * {@code /api;x=y/v1/clusters} are both routed to {@code /api/v1/clusters}. Once every
 * such form is refused, the path that is judged is the path that is routed.
 * <p>
 * Refused: {@code ;} (path parameters), {@code \}, empty segments ({@code //}), dot
 * segments, malformed escapes, and escapes of what needs none (unreserved characters) or
 * changes the path's shape once decoded ({@code / \ ; %} and control characters). Other
 * escapes pass: no route of Stoker's holds them, so they end in 401 or 404.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NormalFormUriFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isNormal(request.getRequestURI())) {
			chain.doFilter(request, response);
			return;
		}
		ProblemResponses.write(response, ProblemType.NON_NORMAL_URI
			.problem("The request path holds a path parameter (';'), a backslash, an empty or dot segment, or a "
					+ "percent-escape of a character that needs none or of '/', '\\', ';', '%' or a control "
					+ "character. Send the path as the API describes it, with its characters written out."));
	}

	/**
	 * Whether the raw path, as it came on the request line, is one Stoker judges as
	 * routed.
	 */
	static boolean isNormal(String rawPath) {
		if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
			return false;
		}
		int length = rawPath.length();
		int segmentStart = 1;
		for (int i = 0; i <= length; i++) {
			char c = (i < length) ? rawPath.charAt(i) : '/';
			if (i > 0 && c == '/') {
				if (!normalSegment(rawPath.substring(segmentStart, i), i == length)) {
					return false;
				}
				segmentStart = i + 1;
				continue;
			}
			if (c == ';' || c == '\\' || c < 0x21 || c > 0x7e) {
				return false;
			}
			if (c == '%') {
				int decoded = (i + 2 < length) ? hexByte(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
				if (decoded < 0 || needsNoEscape(decoded) || changesShape(decoded)) {
					return false;
				}
				i += 2;
			}
		}
		return true;
	}

	/** An empty segment is refused, but for the one a trailing slash leaves. */
	private static boolean normalSegment(String segment, boolean last) {
		if (segment.isEmpty()) {
			return last;
		}
		return !segment.equals(".") && !segment.equals("..");
	}

	/** RFC 3986, section 2.3: unreserved characters are never to be escaped. */
	private static boolean needsNoEscape(int b) {
		return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '.'
				|| b == '_' || b == '~';
	}

	private static boolean changesShape(int b) {
		return b == '/' || b == '\\' || b == ';' || b == '%' || b < 0x20 || b == 0x7f;
	}

	private static int hexByte(char high, char low) {
		int h = Character.digit(high, 16);
		int l = Character.digit(low, 16);
		return (h < 0 || l < 0) ? -1 : h * 16 + l;
	}

}

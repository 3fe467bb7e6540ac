package dev.stoker.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.stoker.problem.ProblemException;
import dev.stoker.problem.ProblemType;

/**
 * Content negotiation as RFC 9110 reads, where Spring MVC is lenient:
 * <ul>
 * <li>A media range with {@code q=0} is "not acceptable" (section 12.4.2), but Spring
 * only sorts by quality and would still answer it: such ranges are dropped, and an Accept
 * header of nothing else is refused with 406.</li>
 * <li>A body declared in a charset other than UTF-8 is refused with 415: bodies are read
 * as UTF-8 (JSON is UTF-8 by RFC 8259, and so is Stoker's YAML), so a declared UTF-16 or
 * Latin-1 body would otherwise be read as something else than was meant.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class StrictContentNegotiation implements WebMvcConfigurer {

	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
		configurer.strategies(List.of(new WithoutQualityZero()));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new Utf8BodiesOnly());
	}

	static final class WithoutQualityZero extends HeaderContentNegotiationStrategy {

		@Override
		public List<MediaType> resolveMediaTypes(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
			List<MediaType> accepted = super.resolveMediaTypes(request);
			List<MediaType> wanted = accepted.stream().filter((type) -> type.getQualityValue() > 0).toList();
			if (wanted.isEmpty() && !accepted.equals(MEDIA_TYPE_ALL_LIST)) {
				throw new HttpMediaTypeNotAcceptableException(List.of());
			}
			return wanted;
		}

	}

	static final class Utf8BodiesOnly implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
			if (contentType == null) {
				return true;
			}
			String charset;
			try {
				charset = MediaType.parseMediaType(contentType).getParameter("charset");
			}
			catch (InvalidMediaTypeException ex) {
				// Spring answers an unparseable Content-Type itself (415)
				return true;
			}
			if (charset == null || unquote(charset).equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
				return true;
			}
			throw new ProblemException(ProblemType.UNSUPPORTED_CHARSET, "Bodies are read as UTF-8: send the body in "
					+ "UTF-8, with charset=utf-8 or no charset parameter in Content-Type.");
		}

		private static String unquote(String value) {
			return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
					? value.substring(1, value.length() - 1) : value;
		}

	}

}

package dev.stoker.serving;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.stoker.access.Credential;
import dev.stoker.audit.Requester;
import dev.stoker.serving.DocumentRoutes.DocumentRoute;

/**
 * Answers a node's GET of its butane, ignition or kubeadm document, the request a boot
 * storm is made of, without going through Spring MVC's dispatch: measured side by side,
 * handler lookup, argument resolution and message conversion cost as much CPU as the rest
 * of a fetch from memory together (docs/performance.md). It is the last filter, behind
 * the access filter, so a request gets here authenticated, authorized and with its
 * request id; what it answers is {@link NodeDocuments}'s, audited the same, and a refusal
 * or failure is answered by the same exception handlers as everywhere (through Spring's
 * {@link HandlerExceptionResolver}), so it is the same problem document.
 * <p>
 * It only takes what it answers exactly as the controller would, and passes on anything
 * else: another method (HEAD), an Accept header that does not take the document's type
 * (MVC answers 406 from it), or a Content-Type (MVC checks its charset).
 * <p>
 * Declared in {@link DocumentServingConfiguration}, not scanned: web slice tests pick up
 * every filter component.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
class DocumentServingFilter extends OncePerRequestFilter {

	private static final String NO_STORE = CacheControl.noStore().getHeaderValue();

	private final NodeDocuments documents;

	private final URI publicUrl;

	private final HandlerExceptionResolver exceptionHandlers;

	DocumentServingFilter(NodeDocuments documents, URI publicUrl, HandlerExceptionResolver exceptionHandlers) {
		this.documents = documents;
		this.publicUrl = publicUrl;
		this.exceptionHandlers = exceptionHandlers;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<DocumentRoute> route = servedHere(request);
		Object credential = request.getAttribute(Credential.ATTRIBUTE);
		Object requester = request.getAttribute(Requester.ATTRIBUTE);
		if (route.isEmpty() || !(credential instanceof Credential caller) || !(requester instanceof Requester who)) {
			chain.doFilter(request, response);
			return;
		}
		DocumentRoute document = route.get();
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((observation) -> observation.setPathPattern(document.pattern()));
		DocumentAnswer answer;
		try {
			answer = DocumentAnswer.of(document.format(), documents.document(document.cluster(), document.target(),
					document.format(), caller, who, base(request)));
		}
		catch (RuntimeException ex) {
			// the problem document of the exception handlers; an exception they do not
			// know is the container's 500, as it would be behind the controller
			if (exceptionHandlers.resolveException(request, response, null, ex) == null) {
				throw ex;
			}
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
		response.setContentType(answer.mediaType());
		response.setHeader(DocumentApi.DOCUMENT_SIZE, answer.size());
		for (String warning : answer.warnings()) {
			response.addHeader(DocumentApi.WARNING, warning);
		}
		response.setContentLength(answer.body().length);
		response.getOutputStream().write(answer.body());
	}

	/** The route of a request this filter answers exactly as the controller would. */
	static Optional<DocumentRoute> servedHere(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.CONTENT_TYPE) != null) {
			return Optional.empty();
		}
		return DocumentRoutes.parse(request.getRequestURI().substring(request.getContextPath().length()))
			.filter((route) -> DocumentRoutes.NODE_DOCUMENTS.contains(route.pattern()))
			.filter((route) -> accepts(accept(request), route.format()));
	}

	/** The Accept header, its lines joined as one list; null when there is none. */
	private static String accept(HttpServletRequest request) {
		List<String> lines = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
		return lines.isEmpty() ? null : String.join(",", lines);
	}

	/**
	 * Whether an Accept header takes the format's type, as the controller's
	 * {@code produces} would: no header takes anything; a range of quality 0 takes
	 * nothing (RFC 9110, section 12.4.2); a header that does not parse is MVC's to
	 * refuse. Ignition sends
	 * {@code application/vnd.coreos.ignition+json;version=3.x.0, *}{@code /*;q=0.1}.
	 */
	static boolean accepts(String accept, DocumentFormat format) {
		if (accept == null) {
			return true;
		}
		List<MediaType> ranges;
		try {
			ranges = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		MediaType type = MediaType.parseMediaType(format.mediaType());
		return ranges.stream().anyMatch((range) -> range.getQualityValue() > 0 && range.isCompatibleWith(type));
	}

	/**
	 * Where nodes reach Stoker: {@code stoker.public-url}, or the URL this request came
	 * to.
	 */
	private URI base(HttpServletRequest request) {
		return (publicUrl != null) ? publicUrl : ServletUriComponentsBuilder.fromContextPath(request).build().toUri();
	}

}

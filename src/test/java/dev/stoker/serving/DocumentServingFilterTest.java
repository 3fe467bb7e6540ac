package dev.stoker.serving;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import dev.stoker.access.Credential;
import dev.stoker.audit.Requester;
import dev.stoker.serving.DocumentTarget.Group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The serving filter answers exactly the requests the controller would answer the same
 * way, with the controller's headers, and passes on everything else. The answers
 * themselves (bodies, refusals, audit) are the endpoint tests', which go through it.
 */
class DocumentServingFilterTest {

	private static final String WORKERS_IGNITION = "/api/v1/clusters/prod/node-groups/workers/ignition";

	/** What Ignition sends (coreos/ignition, internal/resource/url.go). */
	private static final String IGNITION_ACCEPT = "application/vnd.coreos.ignition+json;version=3.4.0, */*;q=0.1";

	private static final Requester REQUESTER = new Requester("admin", null, "192.0.2.7", "request-1");

	private final NodeDocuments documents = mock(NodeDocuments.class);

	private final HandlerExceptionResolver exceptionHandlers = mock(HandlerExceptionResolver.class);

	private final DocumentServingFilter filter = new DocumentServingFilter(documents,
			URI.create("https://stoker.example"), exceptionHandlers);

	@Test
	void servesTheControllersDocumentRoutesAndNoOther() {
		String prefix = DocumentController.class.getAnnotation(RequestMapping.class).value()[0];
		Set<String> mapped = Arrays.stream(DocumentController.class.getDeclaredMethods())
			.filter((method) -> method.isAnnotationPresent(GetMapping.class))
			.flatMap((method) -> Arrays.stream(method.getAnnotation(GetMapping.class).path()))
			.map((path) -> prefix + path)
			.filter((path) -> !path.endsWith("/" + DocumentRoutes.USER_DATA))
			.collect(Collectors.toSet());
		assertThat(DocumentRoutes.NODE_DOCUMENTS).isEqualTo(mapped);
	}

	@Test
	void answersAsTheControllerDoesWithoutGoingOn() throws Exception {
		String body = "{\"ignition\":{\"version\":\"3.4.0\"},\"note\":\"é\"}";
		when(documents.document(eq("prod"), eq(new Group("workers")), eq(DocumentFormat.IGNITION), any(), any(),
				eq(URI.create("https://stoker.example"))))
			.thenReturn(new ServedDocument(body, List.of("first warning", "second warning")));
		MockHttpServletRequest request = get(WORKERS_IGNITION);
		request.addHeader("Accept", IGNITION_ACCEPT);
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain chain = (req, res) -> {
			throw new AssertionError("passed on");
		};

		filter.doFilter(request, response, chain);

		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsByteArray()).isEqualTo(bytes);
		assertThat(response.getContentType()).isEqualTo("application/vnd.coreos.ignition+json");
		assertThat(response.getContentLength()).isEqualTo(bytes.length);
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getHeader(DocumentApi.DOCUMENT_SIZE)).isEqualTo(Integer.toString(bytes.length));
		assertThat(response.getHeaders(DocumentApi.WARNING)).containsExactly("first warning", "second warning");
	}

	@Test
	void aRefusalIsTheExceptionHandlersToAnswer() throws Exception {
		DocumentNotFoundException refusal = new DocumentNotFoundException(
				"Cluster prod has no node group named workers.");
		when(documents.document(any(), any(), any(), any(), any(), any())).thenThrow(refusal);
		when(exceptionHandlers.resolveException(any(), any(), isNull(), same(refusal))).thenReturn(new ModelAndView());
		MockHttpServletRequest request = get(WORKERS_IGNITION);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		filter.doFilter(request, response, chain);

		verify(exceptionHandlers).resolveException(same(request), same(response), isNull(), same(refusal));
		assertThat(chain.getRequest()).as("not passed on").isNull();
	}

	@Test
	void anExceptionNoHandlerKnowsIsTheContainers() {
		IllegalStateException failure = new IllegalStateException("unexpected");
		when(documents.document(any(), any(), any(), any(), any(), any())).thenThrow(failure);

		assertThatThrownBy(
				() -> filter.doFilter(get(WORKERS_IGNITION), new MockHttpServletResponse(), new MockFilterChain()))
			.isSameAs(failure);
	}

	@ParameterizedTest(name = "{0} {1} (Accept: {2}, Content-Type: {3})")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			HEAD | /api/v1/clusters/prod/node-groups/workers/ignition | -         | -
			POST | /api/v1/clusters/prod/node-groups/workers/ignition | -         | -
			GET  | /api/v1/clusters/prod/node-groups/workers/user-data | -        | -
			GET  | /api/v1/clusters/prod/nodes/node-1/kubeadm         | -         | -
			GET  | /api/v1/clusters/prod/node-groups/workers/other     | -         | -
			GET  | /api/v1/clusters/prod                               | -         | -
			GET  | /api/v1/clusters/prod/node-groups/workers/ignition | text/html | -
			GET  | /api/v1/clusters/prod/node-groups/workers/ignition | */*;q=0   | -
			GET  | /api/v1/clusters/prod/node-groups/workers/ignition | ;;;       | -
			GET  | /api/v1/clusters/prod/node-groups/workers/ignition | -         | application/json;charset=utf-16
			""")
	void passesOnWhatTheControllerAnswersOtherwise(String method, String path, String accept, String contentType)
			throws Exception {
		MockHttpServletRequest request = authenticated(new MockHttpServletRequest(method, path));
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		if (contentType != null) {
			request.addHeader("Content-Type", contentType);
		}
		MockFilterChain chain = new MockFilterChain();

		filter.doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest()).as("passed on").isSameAs(request);
		verifyNoInteractions(documents);
	}

	@Test
	void aRequestTheAccessFilterDidNotAuthenticateIsPassedOn() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", WORKERS_IGNITION);
		MockFilterChain chain = new MockFilterChain();

		filter.doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest()).isSameAs(request);
		verifyNoInteractions(documents);
	}

	@ParameterizedTest(name = "{0} takes {1}: {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			-                                                           | IGNITION | true
			*/*                                                         | IGNITION | true
			application/vnd.coreos.ignition+json;version=3.4.0, */*;q=0.1 | IGNITION | true
			application/vnd.coreos.ignition+json;version=3.4.0, */*;q=0.1 | BUTANE | true
			application/vnd.coreos.ignition+json;q=0, */*              | IGNITION | true
			application/*                                               | KUBEADM  | true
			application/yaml                                            | BUTANE   | true
			application/yaml                                            | IGNITION | false
			application/vnd.coreos.ignition+json                        | KUBEADM  | false
			text/html                                                   | IGNITION | false
			*/*;q=0                                                     | IGNITION | false
			application/vnd.coreos.ignition+json;q=0                    | IGNITION | false
			;;;                                                         | IGNITION | false
			""")
	void acceptIsReadAsTheControllersProducesReadsIt(String accept, DocumentFormat format, boolean taken) {
		assertThat(DocumentServingFilter.accepts(accept, format)).isEqualTo(taken);
	}

	private static MockHttpServletRequest get(String path) {
		return authenticated(new MockHttpServletRequest("GET", path));
	}

	private static MockHttpServletRequest authenticated(MockHttpServletRequest request) {
		request.setAttribute(Credential.ATTRIBUTE, new Credential.Admin());
		request.setAttribute(Requester.ATTRIBUTE, REQUESTER);
		return request;
	}

}

package dev.stoker.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.stoker.SharedApplication;
import dev.stoker.TestDefinitions;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing of a request comes back: a credential pasted into the wrong place (a query
 * parameter, a header) must appear neither in the answer nor in a log line. Every query
 * parameter and header of every endpoint, found from the handler mappings so a new one is
 * covered by default, is sent a credential-shaped value that is not a credential Stoker
 * issued, so that it passes the credential-in-URL check and reaches the parsing of the
 * value, and every answer and log line of the request is searched for it.
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestValuesAreNeverEchoedTest {

	/** The headers every endpoint reads, besides the ones a handler declares. */
	private static final List<String> HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT,
			HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "X-Request-Id");

	private static final SecureRandom RANDOM = new SecureRandom();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private int clusters;

	@BeforeAll
	void createACluster() {
		assertThat(mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestDefinitions.dualStackAws("echo"))).hasStatus(201);
		logs.start();
		root().addAppender(logs);
	}

	@AfterAll
	void stopListening() {
		root().detachAppender(logs);
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	@TestFactory
	Stream<DynamicTest> noQueryParameterOrHeaderValueComesBack() {
		List<Endpoint> endpoints = endpoints();
		assertThat(endpoints).as("the API's endpoints").hasSizeGreaterThanOrEqualTo(14);
		assertThat(endpoints).filteredOn((endpoint) -> endpoint.path().endsWith("/audit"))
			.singleElement()
			.satisfies((audit) -> assertThat(audit.parameters()).contains("limit", "before"));
		List<DynamicTest> tests = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			for (String parameter : endpoint.parameters()) {
				tests.add(DynamicTest.dynamicTest(endpoint + " ?" + parameter,
						() -> assertNotEchoed(endpoint, parameter, null)));
			}
			Set<String> headers = new LinkedHashSet<>(HEADERS);
			headers.addAll(endpoint.headers());
			for (String header : headers) {
				tests.add(DynamicTest.dynamicTest(endpoint + " " + header + ":",
						() -> assertNotEchoed(endpoint, null, header)));
			}
		}
		return tests.stream();
	}

	private void assertNotEchoed(Endpoint endpoint, String parameter, String header) throws Exception {
		for (String value : List.of(fetchTokenShaped(), bootstrapTokenShaped())) {
			logs.list.clear();
			MockMvcRequestBuilder request = mvc.method(endpoint.method())
				.uri(endpoint.uri() + ((parameter != null) ? "?" + parameter + "=" + value : ""));
			if (!HttpHeaders.AUTHORIZATION.equals(header)) {
				request.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken());
			}
			if (endpoint.readsBody()) {
				request.content(body(endpoint).getBytes(StandardCharsets.UTF_8));
				if (!HttpHeaders.CONTENT_TYPE.equals(header)) {
					request.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
				}
			}
			if (header != null) {
				request.header(header, HttpHeaders.AUTHORIZATION.equals(header) ? "Bearer " + value : value);
			}
			MockHttpServletResponse response = request.exchange().getResponse();

			String answer = response.getContentAsString(StandardCharsets.UTF_8);
			String what = endpoint + " with " + ((parameter != null) ? "?" + parameter : header) + " answered "
					+ response.getStatus() + " " + answer;
			assertThat(answer).as(what).doesNotContain(value).doesNotContain(tail(value));
			for (String name : response.getHeaderNames()) {
				if (!"X-Request-Id".equals(name)) {
					assertThat(response.getHeaders(name)).as(what + ", header " + name)
						.noneMatch((line) -> line.contains(tail(value)));
				}
			}
			assertThat(logLines()).as("the log lines of " + what).noneMatch((line) -> line.contains(tail(value)));
		}
	}

	private List<String> logLines() {
		return logs.list.stream()
			.map((event) -> event.getFormattedMessage() + ((event.getThrowableProxy() != null)
					? "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()) : ""))
			.toList();
	}

	/** Each request's own value, so that none can be mistaken for another's. */
	private static String fetchTokenShaped() {
		return "stf.abcdefghijkl.SECRET" + random(20);
	}

	private static String bootstrapTokenShaped() {
		return random(6) + "." + random(16);
	}

	/** What no answer may hold even if the value came back cut or re-quoted. */
	private static String tail(String value) {
		return value.substring(value.length() - 12);
	}

	private static String random(int length) {
		String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	/** A body the endpoint accepts, so that only the value under test can be wrong. */
	private String body(Endpoint endpoint) {
		if (endpoint.path().endsWith("/secrets/rotate")) {
			return "{\"bootstrapToken\": true}";
		}
		if (endpoint.method() == HttpMethod.POST) {
			return TestDefinitions.dualStackAws("echo-" + ++clusters);
		}
		return TestDefinitions.dualStackAws("echo");
	}

	private List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			Set<String> parameters = new LinkedHashSet<>();
			Set<String> headers = new LinkedHashSet<>();
			boolean readsBody = false;
			for (MethodParameter parameter : mapping.getValue().getMethodParameters()) {
				parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
				RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
				if (query != null) {
					parameters.add(StringUtils.hasText(query.name()) ? query.name() : parameter.getParameterName());
				}
				RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
				if (header != null) {
					headers.add(StringUtils.hasText(header.name()) ? header.name() : parameter.getParameterName());
				}
				readsBody |= parameter.hasParameterAnnotation(RequestBody.class);
			}
			for (String path : mapping.getKey().getPatternValues()) {
				if (!path.startsWith("/api/")) {
					continue;
				}
				for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
					endpoints.add(new Endpoint(method.asHttpMethod(), path, parameters, headers, readsBody));
				}
			}
		}
		return endpoints;
	}

	record Endpoint(HttpMethod method, String path, Set<String> parameters, Set<String> headers, boolean readsBody) {

		String uri() {
			return path.replace("{name}", "echo")
				.replace("{group}", "workers")
				.replace("{node}", "node-1")
				.replace("{revision}", "1");
		}

		@Override
		public String toString() {
			return method + " " + path;
		}

	}

}

package dev.stoker.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which raw paths are judged as they are routed. Each refused form is one that Spring MVC
 * decodes or strips into another path
 * ({@code UrlPathHelper}/{@code ServletRequestPathUtils} remove {@code ;} parameters and
 * decode escapes before matching), so an authorization decided on the raw path would
 * judge another path than the handler's.
 */
class NormalFormUriFilterTest {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/api/v1/clusters", "/api/v1/clusters/prod-use1/node-groups/workers/ignition",
			"/api/v1/clusters/", "/actuator/health/readiness", "/swagger-ui/index.html", "/v3/api-docs.yaml",
			"/api/v1/clusters/%C3%A9", "/api/v1/clusters/a%20b", "/api/v1/clusters/a%3Fb", "/a.b/c..d/...",
			"/api/v1/clusters/~x_y-z" })
	void normalPathsPass(String path) throws Exception {
		assertThat(NormalFormUriFilter.isNormal(path)).isTrue();
		MockFilterChain chain = new MockFilterChain();
		new NormalFormUriFilter().doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(),
				chain);
		assertThat(chain.getRequest()).as("handed on").isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/%61pi/v1/clusters", "/ap%69/v1/clusters/x/audit", "/API%2Dx", "/api/v1/clusters%7E",
			"/api;x=y/v1/clusters", "/api/v1/clusters;", "/api/v1/clusters/x;jsessionid=1", "//api/v1/clusters",
			"/api//v1/clusters", "/api/./v1/clusters", "/api/v1/x/../clusters", "/api/v1/clusters/..",
			"/api/v1/clusters/.", "/api/v1/%2e%2e/clusters", "/api%2Fv1/clusters", "/api%2fv1/clusters",
			"/api%5Cv1/clusters", "/api\\v1/clusters", "/api/v1/clusters/%25", "/api/v1/clusters/%3B",
			"/api/v1/clusters/%00", "/api/v1/clusters/%0a", "/api/v1/clusters/%7F", "/api/v1/clusters/%zz",
			"/api/v1/clusters/%4", "/api/v1/clusters/%", "/api/v1/clusters/a b", "api/v1/clusters", "" })
	void pathsThatAreRoutedAsAnotherPathAreRefused(String path) throws Exception {
		assertThat(NormalFormUriFilter.isNormal(path)).isFalse();
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		new NormalFormUriFilter().doFilter(new MockHttpServletRequest("GET", path), response, chain);
		assertThat(chain.getRequest()).as("never handed on").isNull();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"urn:stoker:problem:non-normal-uri\","
				+ "\"title\":\"Path not in normal form\",\"status\":400,\"detail\":\"The request path holds a path "
				+ "parameter (';'), a backslash, an empty or dot segment, or a percent-escape of a character that "
				+ "needs none or of '/', '\\\\', ';', '%' or a control character. Send the path as the API describes "
				+ "it, with its characters written out.\"}");
	}

}

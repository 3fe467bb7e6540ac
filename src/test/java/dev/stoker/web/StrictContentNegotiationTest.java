package dev.stoker.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.stoker.SharedApplication;
import dev.stoker.TestDefinitions;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Accept and Content-Type cases Spring MVC is lenient with: every refusal is a
 * problem body, q=0 means not acceptable, and a body in another charset than UTF-8 is
 * refused rather than misread.
 */
@SharedApplication
class StrictContentNegotiationTest {

	@Autowired
	MockMvcTester mvc;

	@ParameterizedTest(name = "Accept: {0}")
	@CsvSource(delimiter = '|', textBlock = """
			;;;                                   | 406 |
			application/json;q=0                  | 406 |
			application/json;q=0, text/html       | 406 |
			text/html                             | 406 |
			application/json                      | 200 | application/json
			application/yaml, application/json;q=0 | 200 | application/yaml
			application/json;q=0.1                | 200 | application/json
			*/*                                   | 200 | application/json
			""")
	void acceptIsHonouredAndEveryRefusalIsAProblem(String accept, int status, String type) throws Exception {
		MvcTestResult result = mvc.get()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.header(HttpHeaders.ACCEPT, accept)
			.exchange();

		assertThat(result).hasStatus(status);
		if (status == 406) {
			assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
			assertThat(result.getResponse().getContentAsString()).isEqualTo(
					"{\"type\":\"urn:stoker:problem:not-acceptable\",\"title\":\"Not acceptable\",\"status\":406,"
							+ "\"detail\":\"This endpoint answers none of the types the Accept header allows (a type with "
							+ "q=0 is refused). Accept one of: application/json, application/yaml.\"}");
		}
		else {
			assertThat(result.getResponse().getContentType()).startsWith(type);
		}
	}

	@ParameterizedTest(name = "Content-Type: {0}")
	@CsvSource(delimiter = '|', textBlock = """
			application/json; charset=utf-16    | 415
			application/json; charset=ISO-8859-1 | 415
			application/yaml; charset=latin1    | 415
			application/json; charset="utf-16"  | 415
			application/json; charset=UTF-8     | 201
			application/json; charset="utf-8"   | 201
			application/json                    | 201
			""")
	void bodiesAreUtf8(String contentType, int status) throws Exception {
		String name = "charset-" + Integer.toHexString(contentType.hashCode());
		MvcTestResult result = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.header(HttpHeaders.CONTENT_TYPE, contentType)
			.content(TestDefinitions.dualStackAws(name).getBytes(StandardCharsets.UTF_8))
			.exchange();

		assertThat(result).hasStatus(status);
		if (status == 415) {
			assertThat(result.getResponse().getContentAsString())
				.isEqualTo("{\"type\":\"urn:stoker:problem:unsupported-charset\",\"title\":\"Unsupported charset\","
						+ "\"status\":415,\"detail\":\"Bodies are read as UTF-8: send the body in UTF-8, with "
						+ "charset=utf-8 or no charset parameter in Content-Type.\",\"instance\":\"/api/v1/clusters\"}");
			assertThat(mvc.get()
				.uri("/api/v1/clusters/" + name)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())).as("nothing stored").hasStatus(404);
		}
	}

	@Test
	void aDocumentEndpointNamesItsOwnTypes() throws Exception {
		MvcTestResult result = mvc.get()
			.uri("/api/v1/clusters/nowhere/node-groups/workers/ignition")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.header(HttpHeaders.ACCEPT, "text/html")
			.exchange();
		assertThat(result).hasStatus(406);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(result.getResponse().getContentAsString()).contains("Accept one of: ");
	}

}

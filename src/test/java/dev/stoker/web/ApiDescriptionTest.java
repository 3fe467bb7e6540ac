package dev.stoker.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.stoker.Golden;
import dev.stoker.SharedApplication;
import dev.stoker.json.YamlMediaTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API description is part of the product: any change to it shows up in review as a
 * change to the golden file.
 */
@SharedApplication
class ApiDescriptionTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void apiDescriptionMatchesTheReviewedOne() throws Exception {
		MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();
		assertThat(result).hasStatusOk();
		JsonNode description = JsonMapper.builder().build().readTree(result.getResponse().getContentAsString());
		String pretty = JsonMapper.builder()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.build()
			.writeValueAsString(description) + "\n";
		Golden.assertMatches(pretty, "openapi.json");
	}

	/**
	 * Every YAML media type a body is read under is one the description lists, and the
	 * user-data operations name both reasons for their 422.
	 */
	@Test
	void requestTypesAndUnprocessablePointersAreDescribedAsTheServerAnswers() throws Exception {
		JsonNode paths = JsonMapper.builder()
			.build()
			.readTree(mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString())
			.get("paths");
		int bodiesInYaml = 0;
		for (JsonNode item : paths) {
			for (JsonNode operation : item) {
				JsonNode content = operation.at("/requestBody/content");
				if (content.has(YamlMediaTypes.APPLICATION_YAML)) {
					bodiesInYaml++;
					assertThat(content.propertyNames()).containsAll(YamlMediaTypes.ALL);
				}
			}
		}
		// create, replace, the secrets rotation and the two previews
		assertThat(bodiesInYaml).isEqualTo(5);
		for (String path : new String[] { "/api/v1/clusters/{name}/node-groups/{group}/user-data",
				"/api/v1/clusters/{name}/nodes/{node}/user-data" }) {
			assertThat(paths.get(path).at("/get/responses/422/description").asString()).contains("(user-data-too-large",
					"(loopback-pointer");
		}
	}

	@Test
	void theApiDescriptionNeedsNoTokenAndOffersBearerAuthorization() {
		assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.components.securitySchemes.admin.scheme")
			.isEqualTo("bearer");
		assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
		assertThat(mvc.get().uri("/swagger-ui.html")).hasStatus3xxRedirection();
	}

}

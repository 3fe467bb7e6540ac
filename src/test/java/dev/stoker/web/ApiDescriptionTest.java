package dev.stoker.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.stoker.Golden;
import dev.stoker.SharedApplication;
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

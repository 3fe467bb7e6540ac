package dev.stoker.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.stoker.SharedApplication;
import dev.stoker.json.Mappers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fetch token over the life of its group: answered once when the group is created (by
 * POST or by the PUT that adds it), never in a read or a listing, gone with its group,
 * and replaced at once by a rotation.
 */
@SharedApplication
class FetchTokenLifecycleTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aTokenLivesAndDiesWithItsGroup() throws Exception {
		MvcTestResult created = mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType("application/yaml")
			.content(Files.readString(Path.of("examples", "aws-dual-stack.yaml")))
			.exchange();
		assertThat(created).hasStatus(201);
		assertThat(created.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		JsonNode body = json(created);
		JsonNode tokens = body.get("fetchTokens");
		assertThat(tokens.propertyNames()).containsExactly("bootstrap", "control-plane", "workers", "gpu");
		assertThat(tokens.get("workers").asString()).matches("stf\\.[a-z0-9]{12}\\.[A-Za-z0-9_-]{43}");
		assertThat(tokens.get("workers").asString()).isNotEqualTo(tokens.get("gpu").asString());
		String workers = tokens.get("workers").asString();
		String gpu = tokens.get("gpu").asString();

		// never in a read or a listing, JSON or YAML
		for (MvcTestResult read : List.of(admin("/api/v1/clusters/prod-use1"), admin("/api/v1/clusters"),
				mvc.get()
					.uri("/api/v1/clusters/prod-use1")
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
					.accept("application/yaml")
					.exchange())) {
			assertThat(read).hasStatusOk();
			assertThat(read.getResponse().getContentAsString()).doesNotContain("fetchTokens")
				.doesNotContain(workers)
				.doesNotContain("stf.");
		}
		assertThat(fetch("workers", workers)).hasStatusOk();

		// a PUT that adds a group answers that group's token only; one that removes a
		// group ends its token
		ObjectNode definition = (ObjectNode) body.deepCopy();
		definition.remove("fetchTokens");
		ArrayNode groups = (ArrayNode) definition.get("nodeGroups");
		for (int i = 0; i < groups.size(); i++) {
			if (groups.get(i).get("name").asString().equals("gpu")) {
				groups.remove(i);
				break;
			}
		}
		groups.addObject().put("name", "edge").put("role", "worker");
		MvcTestResult replaced = mvc.put()
			.uri("/api/v1/clusters/prod-use1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType("application/json")
			.content(definition.toString())
			.exchange();
		assertThat(replaced).hasStatusOk();
		JsonNode added = json(replaced).get("fetchTokens");
		assertThat(added.propertyNames()).containsExactly("edge");
		assertThat(fetch("edge", added.get("edge").asString())).hasStatusOk();
		assertThat(fetch("gpu", gpu)).as("the removed group's token").hasStatus(401);
		assertThat(fetch("workers", workers)).as("a kept group keeps its token").hasStatusOk();

		// the same definition again: nothing new
		MvcTestResult unchanged = mvc.put()
			.uri("/api/v1/clusters/prod-use1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType("application/json")
			.content(definition.toString())
			.exchange();
		assertThat(json(unchanged).get("fetchTokens").propertyNames()).isEmpty();

		// rotation: the old token stops at once, the new one works
		MvcTestResult rotated = mvc.post()
			.uri("/api/v1/clusters/prod-use1/node-groups/workers/fetch-token/rotate")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange();
		assertThat(rotated).hasStatusOk();
		assertThat(rotated.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		String fresh = json(rotated).get("fetchToken").asString();
		assertThat(fetch("workers", workers)).hasStatus(401);
		assertThat(fetch("workers", fresh)).hasStatusOk();
		assertThat(mvc.post()
			.uri("/api/v1/clusters/prod-use1/node-groups/gpu/fetch-token/rotate")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange()).hasStatus(404);

		// deleting the cluster ends every token
		assertThat(mvc.delete()
			.uri("/api/v1/clusters/prod-use1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange()).hasStatus(204);
		assertThat(fetch("workers", fresh)).hasStatus(401);
	}

	private MvcTestResult fetch(String group, String token) {
		return mvc.get()
			.uri("/api/v1/clusters/prod-use1/node-groups/" + group + "/ignition")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange();
	}

	private MvcTestResult admin(String path) {
		return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken()).exchange();
	}

	private static JsonNode json(MvcTestResult result) throws Exception {
		return Mappers.json().readTree(result.getResponse().getContentAsString());
	}

}

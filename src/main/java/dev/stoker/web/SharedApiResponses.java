package dev.stoker.web;

import java.util.Comparator;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import dev.stoker.problem.ApiProblems;
import dev.stoker.problem.RetryAfter;

/**
 * The answers every API endpoint can give, declared once instead of on each operation:
 * 401 (no or no current credential), 403 (a credential that does not open this) and 503
 * (transient, with Retry-After), the access filter and the database being in front of
 * every one of them. Every error answer an operation declares gets the problem body, and
 * responses are listed by status.
 */
class SharedApiResponses implements OpenApiCustomizer {

	static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final Map<String, String> SHARED = Map.of("401", "Unauthorized", "403", "Forbidden", "503",
			"Unavailable");

	@Override
	public void customise(OpenAPI openApi) {
		Components components = openApi.getComponents();
		ModelConverters.getInstance().read(ApiProblems.Problem.class).forEach(components::addSchemas);
		ModelConverters.getInstance().read(ApiProblems.ValidationProblem.class).forEach(components::addSchemas);
		components.addResponses("Unauthorized",
				problem("No credential, or not a current one; the answer carries " + "WWW-Authenticate: Bearer"));
		components.addResponses("Forbidden", problem("The credential does not open this: a fetch token opens its own "
				+ "node group's documents only, and gets this answer whether or not the thing asked for exists"));
		components.addResponses("Unavailable",
				problem("Transient: the database cannot be reached or was lost during the request, an audit row could "
						+ "not be written, or the instance is shutting down; retry after Retry-After seconds")
					.addHeaderObject("Retry-After",
							new Header().description("Seconds to wait (" + RetryAfter.SECONDS + ")")
								.schema(new IntegerSchema())));
		openApi.getPaths()
			.entrySet()
			.stream()
			.filter((path) -> path.getKey().startsWith("/api/"))
			.map(Map.Entry::getValue)
			.flatMap((item) -> item.readOperations().stream())
			.forEach(SharedApiResponses::complete);
	}

	private static void complete(Operation operation) {
		ApiResponses responses = operation.getResponses();
		SHARED.forEach((status, name) -> responses.putIfAbsent(status,
				new ApiResponse().$ref("#/components/responses/" + name)));
		responses.forEach((status, response) -> {
			if (status.charAt(0) >= '4' && response.get$ref() == null && !hasProblemBody(response)) {
				response.setContent(problemContent("Problem"));
			}
		});
		ApiResponses sorted = new ApiResponses();
		responses.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
			.forEach((entry) -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
		operation.setResponses(sorted);
	}

	private static boolean hasProblemBody(ApiResponse response) {
		return response.getContent() != null && response.getContent().containsKey(PROBLEM_JSON);
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description).content(problemContent("Problem"));
	}

	private static Content problemContent(String schema) {
		return new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)));
	}

}

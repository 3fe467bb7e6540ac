package dev.stoker.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import dev.stoker.json.YamlMediaTypes;
import dev.stoker.problem.ApiProblems;
import dev.stoker.problem.RetryAfter;

/**
 * The answers every API operation can give, declared once instead of on each operation,
 * since the filters and the content negotiation in front of every handler give them: 400
 * (a path not in normal form, a credential in the query string), 401, 403, 406, 413 (the
 * size limit counts any body), 415 (a charset other than UTF-8 is refused on any request,
 * a body of a type the operation does not read) and 503 (transient, with Retry-After). An
 * operation that declares one of these statuses itself keeps its own description,
 * followed by the shared one.
 * <p>
 * Every error answer gets the one problem schema, every answer the X-Request-Id header; a
 * body read as YAML is read under each of YAML's media types. Responses are listed by
 * status, and the tags in the order a user meets them.
 */
class SharedApiResponses implements OpenApiCustomizer {

	static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	static final String REQUEST_ID = "X-Request-Id";

	/** From a definition, to what its nodes boot with, to its secrets. */
	private static final List<String> TAG_ORDER = List.of("Clusters", "Documents", "Secrets");

	private static final String PROBLEM = "#/components/schemas/Problem";

	private static final String YAML = YamlMediaTypes.APPLICATION_YAML;

	/** The other names YAML goes by, read wherever YAML is. */
	private static final List<String> YAML_ALIASES = List.of(YamlMediaTypes.APPLICATION_X_YAML,
			YamlMediaTypes.TEXT_YAML, YamlMediaTypes.TEXT_X_YAML);

	private static final Map<String, String> SHARED = new LinkedHashMap<>();

	static {
		SHARED.put("400", "BadRequest");
		SHARED.put("401", "Unauthorized");
		SHARED.put("403", "Forbidden");
		SHARED.put("406", "NotAcceptable");
		SHARED.put("413", "BodyTooLarge");
		SHARED.put("415", "UnsupportedMediaType");
		SHARED.put("503", "Unavailable");
	}

	@Override
	public void customise(OpenAPI openApi) {
		Components components = openApi.getComponents();
		ModelConverters.getInstance().read(ApiProblems.Problem.class).forEach(components::addSchemas);
		components.addHeaders(REQUEST_ID, new Header()
			.description("The request's id, named in the audit log: the X-Request-Id the request came with when it is "
					+ "1 to 64 letters, digits, '.', '_', ':' or '-', else a new one. Left out of the refusals made "
					+ "before the credential is checked: a path not in normal form, a Content-Length over the size "
					+ "limit, a request while the instance shuts down.")
			.schema(new StringSchema()));
		components.addResponses("BadRequest",
				problem("The path is not in normal form (non-normal-uri), or the query string holds something "
						+ "shaped like a credential (credential-in-url): credentials go in the Authorization header only"));
		components.addResponses("Unauthorized",
				problem("No credential, or not a current one (unauthorized)").addHeaderObject("WWW-Authenticate",
						new Header().description("Bearer realm=\"stoker\"").schema(new StringSchema())));
		components.addResponses("Forbidden", problem("The credential does not open this (forbidden): a fetch token "
				+ "opens its own node group's documents only, and gets this answer whether or not the thing asked for "
				+ "exists"));
		components.addResponses("NotAcceptable", problem("Accept allows none of the types this operation answers "
				+ "(not-acceptable; a type with q=0 is not acceptable); detail lists the ones it answers"));
		components.addResponses("BodyTooLarge",
				problem("A body over stoker.max-request-size, 1 MiB unless set (body-too-large); refused before it is "
						+ "read, whichever the operation"));
		components.addResponses("UnsupportedMediaType",
				problem("Content-Type names a charset other than UTF-8 (unsupported-charset), or, for an operation "
						+ "that reads a body, a type it does not read: its request body lists the types it reads")
					.addHeaderObject("Accept",
							new Header().description("For a type the operation does not read: the types it reads")
								.schema(new StringSchema())));
		components.addResponses("Unavailable",
				problem("Transient (unavailable): the database cannot be reached or was lost during the request, an "
						+ "audit row could not be written, this instance's master key is no longer the store's, or "
						+ "the instance is shutting down; retry after Retry-After seconds")
					.addHeaderObject("Retry-After",
							new Header().description("Seconds to wait (" + RetryAfter.SECONDS + ")")
								.schema(new IntegerSchema())));
		components.getResponses().values().forEach(SharedApiResponses::withRequestId);
		openApi.getPaths()
			.entrySet()
			.stream()
			.filter((path) -> path.getKey().startsWith("/api/"))
			.map(Map.Entry::getValue)
			.flatMap((item) -> item.readOperations().stream())
			.forEach((operation) -> complete(operation, components));
		if (openApi.getTags() != null) {
			openApi
				.setTags(openApi.getTags().stream().sorted(Comparator.comparingInt(SharedApiResponses::rank)).toList());
		}
	}

	private static int rank(Tag tag) {
		int rank = TAG_ORDER.indexOf(tag.getName());
		return (rank < 0) ? TAG_ORDER.size() : rank;
	}

	private static void complete(Operation operation, Components components) {
		if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
			Content content = operation.getRequestBody().getContent();
			MediaType yaml = content.get(YAML);
			if (yaml != null) {
				YAML_ALIASES.forEach((alias) -> content.addMediaType(alias, yaml));
			}
		}
		ApiResponses responses = operation.getResponses();
		SHARED.forEach((status, name) -> {
			ApiResponse own = responses.get(status);
			if (own == null) {
				responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + name));
			}
			else {
				String shared = components.getResponses().get(name).getDescription();
				own.setDescription(
						own.getDescription() + "; or " + Character.toLowerCase(shared.charAt(0)) + shared.substring(1));
			}
		});
		responses.forEach((status, response) -> {
			if (response.get$ref() != null) {
				return;
			}
			if (status.charAt(0) >= '4') {
				response.setContent(problemContent());
			}
			withRequestId(response);
		});
		ApiResponses sorted = new ApiResponses();
		responses.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
			.forEach((entry) -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
		operation.setResponses(sorted);
	}

	private static void withRequestId(ApiResponse response) {
		response.addHeaderObject(REQUEST_ID, new Header().$ref("#/components/headers/" + REQUEST_ID));
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description).content(problemContent());
	}

	private static Content problemContent() {
		return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM)));
	}

}

package dev.stoker.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.stoker.Golden;

/**
 * The operations of an API description, read from its JSON: which path template and
 * method each answers, which security schemes open it, and for each status it documents,
 * the response headers it documents.
 */
record ApiOperations(List<Operation> operations, Set<String> problemMembers) {

	/**
	 * The reviewed description, which ApiDescriptionTest holds equal to the served one.
	 */
	static final Path GOLDEN = Golden.file("openapi.json");

	static ApiOperations golden() {
		try {
			return of(JsonMapper.builder().build().readTree(Files.readString(GOLDEN)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ApiOperations of(JsonNode description) {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : description.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				Map<Integer, Set<String>> responses = new TreeMap<>();
				for (Map.Entry<String, JsonNode> response : method.getValue().path("responses").properties()) {
					JsonNode resolved = resolve(description, response.getValue());
					Set<String> headers = new TreeSet<>();
					resolved.path("headers")
						.propertyNames()
						.forEach((name) -> headers.add(name.toLowerCase(Locale.ROOT)));
					responses.put(Integer.parseInt(response.getKey()), headers);
				}
				Set<String> security = new TreeSet<>();
				method.getValue()
					.path("security")
					.forEach((requirement) -> security.addAll(requirement.propertyNames()));
				operations.add(new Operation(method.getValue().path("operationId").asString(),
						method.getKey().toUpperCase(Locale.ROOT), path.getKey(), responses, security));
			}
		}
		Set<String> members = new TreeSet<>(
				description.path("components").path("schemas").path("Problem").path("properties").propertyNames());
		return new ApiOperations(List.copyOf(operations), members);
	}

	private static JsonNode resolve(JsonNode description, JsonNode response) {
		String ref = response.path("$ref").asString("");
		return ref.isEmpty() ? response : description.at(ref.substring(1));
	}

	/**
	 * The operation a request was routed to, as Spring MVC routes: a literal segment over
	 * a variable one. A path none answers (an unknown path, a malformed one, a method the
	 * path does not have) is no operation's.
	 */
	Optional<Operation> find(String method, String path) {
		return operations.stream()
			.filter((operation) -> operation.method().equals(method) && operation.matches(path))
			.max(Comparator.comparingInt(Operation::literalSegments));
	}

	record Operation(String id, String method, String template, Map<Integer, Set<String>> responses,
			Set<String> security) {

		boolean opensToFetchTokens() {
			return security.contains("fetchToken");
		}

		boolean matches(String path) {
			String[] want = template.split("/", -1);
			String[] have = path.split("/", -1);
			if (want.length != have.length) {
				return false;
			}
			for (int i = 0; i < want.length; i++) {
				boolean variable = want[i].startsWith("{");
				if (variable ? have[i].isEmpty() : !want[i].equals(have[i])) {
					return false;
				}
			}
			return true;
		}

		int literalSegments() {
			return (int) java.util.Arrays.stream(template.split("/")).filter((s) -> !s.startsWith("{")).count();
		}

		String name() {
			return id + " (" + method + " " + template + ")";
		}

	}

}

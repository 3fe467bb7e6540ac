package dev.stoker.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.stoker.web.ApiOperations.Operation;
import dev.stoker.web.ObservedApiCalls.Call;
import dev.stoker.web.ObservedApiCalls.Credential;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs in a JVM of its own after all the other tests of the run (a Surefire execution of
 * its own, like the log scan), and holds the API description to what the run saw the
 * server answer: every status, response header and problem member of every operation, as
 * {@link ApiCallRecorder} recorded them, must be documented for that operation. Over the
 * whole run it also holds the other way: every operation was answered, and every member
 * of the problem schema was sent.
 */
class AnsweredStatusesAreDocumentedTest {

	/**
	 * Headers every answer may carry, of HTTP itself rather than of the API: the
	 * description leaves them out.
	 */
	private static final Set<String> HTTP_HEADERS = Set.of("content-type", "content-length", "cache-control",
			"connection", "date", "keep-alive", "transfer-encoding", "vary");

	@Test
	void everyStatusHeaderAndProblemMemberTheRunSawIsDocumented() {
		List<Call> calls = ObservedApiCalls.read();
		assertThat(undocumented(ApiOperations.golden(), calls)).isEmpty();
	}

	/**
	 * Only when the whole suite ran: a run of selected tests (-Dtest=...) sees only what
	 * they call.
	 */
	@Test
	void theWholeRunAnsweredEveryOperationFetchTokensWhereTheyOpenAndSentEveryProblemMember() {
		if (!wholeRun()) {
			return;
		}
		ApiOperations api = ApiOperations.golden();
		List<Call> calls = ObservedApiCalls.read();
		Set<String> answered = new TreeSet<>();
		Set<String> openedByFetchTokens = new TreeSet<>();
		Set<String> members = new TreeSet<>();
		for (Call call : calls) {
			api.find(call.method(), call.path()).ifPresent((operation) -> {
				answered.add(operation.name());
				if (call.credential() == Credential.FETCH_TOKEN && call.status() / 100 == 2) {
					openedByFetchTokens.add(operation.name());
				}
			});
			members.addAll(call.problemMembers());
		}
		assertThat(answered).as("operations the run saw answer")
			.containsExactlyInAnyOrderElementsOf(api.operations().stream().map(Operation::name).toList());
		assertThat(openedByFetchTokens).as("operations the run saw answer a fetch token")
			.containsExactlyInAnyOrderElementsOf(
					api.operations().stream().filter(Operation::opensToFetchTokens).map(Operation::name).toList());
		assertThat(members).as("members of the problems the run saw").isEqualTo(api.problemMembers());
	}

	@Test
	void theCheckNamesTheOperationAndWhatItDoesNotDocument() {
		ApiOperations api = ApiOperations.of(JsonMapper.builder().build().readTree("""
				{"paths": {
				  "/api/v1/clusters/{name}": {"get": {"operationId": "getCluster", "responses": {
				    "200": {"headers": {"ETag": {}}}, "404": {"$ref": "#/components/responses/NotFound"}}}},
				  "/api/v1/clusters/{name}/audit": {"get": {"operationId": "getAuditLog", "responses": {"200": {}}}}},
				 "components": {"responses": {"NotFound": {"headers": {"X-Request-Id": {}}}},
				  "schemas": {"Problem": {"properties": {"type": {}, "title": {}, "status": {}}}}}}
				"""));
		List<Call> calls = List.of(
				new Call("GET", "/api/v1/clusters/a", Credential.FETCH_TOKEN, 200, Set.of("etag", "content-type"),
						Set.of()),
				new Call("GET", "/api/v1/clusters/a", Credential.OTHER, 404, Set.of("x-request-id"),
						Set.of("title", "status")),
				new Call("GET", "/api/v1/clusters/a", Credential.OTHER, 406, Set.of(), Set.of("title")),
				new Call("GET", "/api/v1/clusters/a", Credential.OTHER, 200, Set.of("last-modified"), Set.of()),
				new Call("GET", "/api/v1/clusters/a/audit", Credential.OTHER, 404, Set.of(),
						Set.of("title", "currentRevision")),
				// no operation: an unknown path, an empty segment, a method the path has
				// not
				new Call("GET", "/api/v1/clusters/a/nothing", Credential.OTHER, 404, Set.of(), Set.of("instance")),
				new Call("GET", "/api/v1/clusters/", Credential.OTHER, 404, Set.of(), Set.of()),
				new Call("PATCH", "/api/v1/clusters/a", Credential.OTHER, 405, Set.of(), Set.of()));

		assertThat(undocumented(api, calls)).containsExactly(
				"getAuditLog (GET /api/v1/clusters/{name}/audit) answered 404, which it does not document",
				"getAuditLog (GET /api/v1/clusters/{name}/audit) answered a problem with member currentRevision, "
						+ "which the Problem schema does not have",
				"getCluster (GET /api/v1/clusters/{name}) answered 200 to a fetch token, which its security does not "
						+ "name",
				"getCluster (GET /api/v1/clusters/{name}) answered 200 with header last-modified, which it does not "
						+ "document for 200",
				"getCluster (GET /api/v1/clusters/{name}) answered 406, which it does not document");
	}

	static List<String> undocumented(ApiOperations api, List<Call> calls) {
		Set<String> found = new TreeSet<>();
		for (Call call : calls) {
			api.find(call.method(), call.path()).ifPresent((operation) -> {
				Set<String> documented = operation.responses().get(call.status());
				if (call.credential() == Credential.FETCH_TOKEN && call.status() / 100 == 2
						&& !operation.opensToFetchTokens()) {
					found.add(operation.name() + " answered " + call.status()
							+ " to a fetch token, which its security does not name");
				}
				if (documented == null) {
					found.add(operation.name() + " answered " + call.status() + ", which it does not document");
				}
				call.headers()
					.stream()
					.filter((header) -> documented != null && !HTTP_HEADERS.contains(header)
							&& !documented.contains(header))
					.forEach((header) -> found.add(operation.name() + " answered " + call.status() + " with header "
							+ header + ", which it does not document for " + call.status()));
				call.problemMembers()
					.stream()
					.filter((member) -> !api.problemMembers().contains(member))
					.forEach((member) -> found.add(operation.name() + " answered a problem with member " + member
							+ ", which the Problem schema does not have"));
			});
		}
		return new ArrayList<>(found);
	}

	/**
	 * Surefire hands this JVM the tests the run selected: none (the literal placeholder,
	 * or nothing) means the whole suite ran before it.
	 */
	private static boolean wholeRun() {
		String selected = System.getProperty("stoker.selected-tests", "");
		return selected.isBlank() || selected.equals("${test}");
	}

}

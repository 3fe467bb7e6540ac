package dev.stoker.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.stoker.SharedApplication;
import dev.stoker.json.Mappers;
import dev.stoker.secrets.ClusterSecrets;
import dev.stoker.secrets.KeeperTokens;
import dev.stoker.secrets.KubeadmSecrets;
import tools.jackson.databind.JsonNode;

import static dev.stoker.SharedApplicationSetup.adminToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every document endpoint against every kind of credential: who gets 200, who 401, who
 * 403, and that only the admin learns what does not exist (404). No refusal carries a
 * secret, and each refusal is the same fixed body whatever was asked.
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ClusterSecrets clusterSecrets;

	/** cluster -> group -> fetch token, as creation answered them. */
	private final Map<String, Map<String, String>> tokens = new LinkedHashMap<>();

	private String rotatedAway;

	private String keeperRotatedAway;

	@Autowired
	KeeperTokens keeperTokens;

	@BeforeAll
	void createClustersAndRotateOneToken() throws Exception {
		for (String example : List.of("aws-dual-stack.yaml", "metal-ipv6-first.yaml")) {
			MvcTestResult created = mvc.post()
				.uri("/api/v1/clusters")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
				.contentType("application/yaml")
				.content(Files.readString(Path.of("examples", example)))
				.exchange();
			assertThat(created).hasStatus(201);
			JsonNode body = Mappers.json().readTree(created.getResponse().getContentAsString());
			Map<String, String> groups = new LinkedHashMap<>();
			for (String group : body.get("fetchTokens").propertyNames()) {
				groups.put(group, body.get("fetchTokens").get(group).asString());
			}
			tokens.put(body.get("name").asString(), groups);
		}
		// prod-use1's gpu group: its first token is rotated away, the new one is current
		rotatedAway = tokens.get("prod-use1").get("gpu");
		MvcTestResult rotated = mvc.post()
			.uri("/api/v1/clusters/prod-use1/node-groups/gpu/fetch-token/rotate")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange();
		assertThat(rotated).hasStatusOk();
		String fresh = Mappers.json().readTree(rotated.getResponse().getContentAsString()).get("fetchToken").asString();
		assertThat(fresh).isNotEqualTo(rotatedAway);
		tokens.get("prod-use1").put("gpu", fresh);
		// lab's keeper credential: the first one is rotated away, the new one is current
		keeperRotatedAway = keeper("lab");
		MvcTestResult keeperRotated = mvc.post()
			.uri("/api/v1/clusters/lab/keeper-credential/rotate")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange();
		assertThat(keeperRotated).hasStatusOk();
		assertThat(Mappers.json()
			.readTree(keeperRotated.getResponse().getContentAsString())
			.get("keeperCredential")
			.asString()).isEqualTo(keeper("lab")).isNotEqualTo(keeperRotatedAway);
	}

	private String keeper(String cluster) {
		return keeperTokens.find(cluster).orElseThrow().value();
	}

	/**
	 * The join-token list and the check-ins: the admin and the cluster's own keeper
	 * credential are let in, a keeper credential of another cluster, a rotated-away one
	 * and every fetch token are not.
	 */
	static Stream<Arguments> joinTokenEndpoints() {
		List<Arguments> cases = new ArrayList<>();
		for (String cluster : List.of("prod-use1", "lab")) {
			String other = cluster.equals("lab") ? "prod-use1" : "lab";
			cases.add(Arguments.of(cluster, "admin", 200, 204));
			cases.add(Arguments.of(cluster, "keeper:" + cluster, 200, 204));
			cases.add(Arguments.of(cluster, "keeper:" + other, 403, 403));
			cases.add(Arguments.of(cluster, "fetch:" + cluster, 403, 403));
			cases.add(Arguments.of(cluster, "none", 401, 401));
			cases.add(Arguments.of(cluster, "rotated-away-keeper", 401, 401));
		}
		cases.add(Arguments.of("nobody", "admin", 404, 404));
		cases.add(Arguments.of("nobody", "keeper:prod-use1", 403, 403));
		return cases.stream();
	}

	@ParameterizedTest(name = "{1} on {0}'s join tokens: GET {2}, check-in {3}")
	@MethodSource
	void joinTokenEndpoints(String cluster, String caller, int list, int checkIn) throws Exception {
		String authorization = switch (caller.split(":")[0]) {
			case "admin" -> "Bearer " + adminToken();
			case "keeper" -> "Bearer " + keeper(caller.split(":")[1]);
			case "fetch" -> "Bearer " + tokens.get(caller.split(":")[1]).get("control-plane");
			case "rotated-away-keeper" -> "Bearer " + keeperRotatedAway;
			default -> null;
		};
		String path = "/api/v1/clusters/" + cluster + "/join-tokens";
		var listing = mvc.get().uri(path).accept("text/plain");
		var reporting = mvc.post()
			.uri(path + "/check-ins")
			.contentType("application/json")
			.content("{\"node\":\"cp-1\",\"present\":[],\"added\":[],\"extended\":[],\"deleted\":[]}");
		if (authorization != null) {
			listing.header(HttpHeaders.AUTHORIZATION, authorization);
			reporting.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		MvcTestResult listed = listing.exchange();
		assertThat(listed).hasStatus(list);
		if (list == 200) {
			assertThat(listed.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
			assertThat(listed.getResponse().getContentAsString())
				.isEqualTo(clusterSecrets.load(cluster).orElseThrow().bootstrapToken().value() + "\n");
		}
		else {
			assertThat(listed.getResponse().getContentAsString()).doesNotContain(keeper("prod-use1"))
				.doesNotContain(keeper("lab"));
		}
		assertThat(reporting.exchange()).hasStatus(checkIn);
	}

	/**
	 * A keeper credential opens its join-token list only: no admin endpoint, no document.
	 */
	@Test
	void aKeeperCredentialOpensNoAdminEndpoint() throws Exception {
		String own = "Bearer " + keeper("prod-use1");
		for (String path : List.of("/api/v1/clusters", "/api/v1/clusters/prod-use1", "/api/v1/clusters/prod-use1/audit",
				"/api/v1/clusters/prod-use1/node-groups/control-plane/user-data",
				"/api/v1/clusters/prod-use1/join-tokens/check-ins")) {
			assertThat(get(path, own)).as(path).hasStatus(403);
		}
		for (String path : List.of("/api/v1/clusters/prod-use1/secrets/rotate",
				"/api/v1/clusters/prod-use1/keeper-credential/rotate", "/api/v1/clusters/prod-use1/join-tokens")) {
			assertThat(mvc.post()
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, own)
				.contentType("application/json")
				.content("{\"bootstrapToken\": true}")
				.exchange()).as(path).hasStatus(403);
		}
		assertThat(mvc.delete().uri("/api/v1/clusters/prod-use1").header(HttpHeaders.AUTHORIZATION, own).exchange())
			.hasStatus(403);
	}

	/**
	 * What a document is of: its cluster, the group that owns it, and its path; and what
	 * the admin and the owning group's token are answered.
	 */
	record Endpoint(String cluster, String ownerGroup, String path, int admin, int owner) {

		Endpoint(String cluster, String ownerGroup, String path, boolean exists) {
			this(cluster, ownerGroup, path, exists ? 200 : 404, exists ? 200 : 403);
		}

		@Override
		public String toString() {
			return path;
		}

	}

	enum Caller {

		NONE, MALFORMED_SCHEME, MALFORMED_TOKEN, UNKNOWN_FETCH_TOKEN, ROTATED_AWAY, ADMIN, OWN_GROUP, OTHER_GROUP,
		OTHER_CLUSTER, OWN_KEEPER, OTHER_KEEPER

	}

	static Stream<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (String group : List.of("bootstrap", "control-plane", "workers", "gpu")) {
			for (String format : List.of("butane", "ignition", "kubeadm")) {
				endpoints.add(new Endpoint("prod-use1", group,
						"/api/v1/clusters/prod-use1/node-groups/" + group + "/" + format, true));
			}
		}
		endpoints
			.add(new Endpoint("prod-use1", "workers", "/api/v1/clusters/prod-use1/node-groups/nope/ignition", false));
		endpoints.add(new Endpoint("prod-use1", "workers", "/api/v1/clusters/prod-use1/nodes/nope/ignition", false));
		Map<String, String> nodes = Map.of("cp-1", "bootstrap", "cp-2", "control-plane", "worker-1", "workers");
		nodes.forEach((node, group) -> {
			for (String format : List.of("butane", "ignition")) {
				endpoints.add(new Endpoint("lab", group, "/api/v1/clusters/lab/nodes/" + node + "/" + format, true));
			}
		});
		// a metal cluster's groups have no document of their own (its own group's token
		// learns that too: it is that group's path)
		endpoints.add(new Endpoint("lab", "workers", "/api/v1/clusters/lab/node-groups/workers/ignition", 404, 404));
		endpoints.add(new Endpoint("nobody", "workers", "/api/v1/clusters/nobody/node-groups/workers/ignition", false));
		return endpoints.stream();
	}

	static Stream<Arguments> matrix() {
		return endpoints()
			.flatMap((endpoint) -> Stream.of(Caller.values()).map((caller) -> Arguments.of(endpoint, caller)));
	}

	@ParameterizedTest(name = "{1} on {0}")
	@MethodSource("matrix")
	void eachCallerGetsWhatItsCredentialOpens(Endpoint endpoint, Caller caller) throws Exception {
		MvcTestResult result = get(endpoint.path(), authorization(endpoint, caller));
		int status = result.getResponse().getStatus();
		String body = result.getResponse().getContentAsString();

		assertThat(status).isEqualTo(expected(endpoint, caller));
		assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).as("never a redirect").isNull();
		if (status == 200) {
			assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		}
		else {
			assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
			for (String secret : secrets()) {
				assertThat(body).as("refusal body").doesNotContain(secret);
			}
			assertThat(body).doesNotContain("PRIVATE KEY");
		}
		if (status == 401 || status == 403) {
			assertThat(body).as("a fixed body, the same whatever was asked")
				.isEqualTo(get("/api/v1/clusters/prod-use1/node-groups/x/butane",
						status == 401 ? null : "Bearer " + tokens.get("lab").get("workers"))
					.getResponse()
					.getContentAsString());
		}
	}

	private int expected(Endpoint endpoint, Caller caller) {
		return switch (caller) {
			case NONE, MALFORMED_SCHEME, MALFORMED_TOKEN, UNKNOWN_FETCH_TOKEN, ROTATED_AWAY -> 401;
			case ADMIN -> endpoint.admin();
			case OWN_GROUP -> endpoint.owner();
			case OTHER_GROUP, OTHER_CLUSTER, OWN_KEEPER, OTHER_KEEPER -> 403;
		};
	}

	private String authorization(Endpoint endpoint, Caller caller) {
		String otherCluster = endpoint.cluster().equals("lab") ? "prod-use1" : "lab";
		String cluster = tokens.containsKey(endpoint.cluster()) ? endpoint.cluster() : "prod-use1";
		return switch (caller) {
			case NONE -> null;
			case MALFORMED_SCHEME -> "Basic " + adminToken();
			case MALFORMED_TOKEN -> "Bearer stf.not-a-token";
			case UNKNOWN_FETCH_TOKEN -> "Bearer stf.abcdefghijkl.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
			case ROTATED_AWAY -> "Bearer " + rotatedAway;
			case ADMIN -> "Bearer " + adminToken();
			case OWN_GROUP -> "Bearer " + tokens.get(cluster).get(endpoint.ownerGroup());
			case OTHER_GROUP -> "Bearer "
					+ tokens.get(cluster).get(endpoint.ownerGroup().equals("workers") ? "control-plane" : "workers");
			case OTHER_CLUSTER -> "Bearer " + tokens.get(otherCluster).get("workers");
			case OWN_KEEPER -> "Bearer " + keeper(cluster);
			case OTHER_KEEPER -> "Bearer " + keeper(otherCluster);
		};
	}

	/**
	 * A fetch token opens documents only: every admin endpoint refuses it with 403, even
	 * for its own cluster and group.
	 */
	@Test
	void aFetchTokenOpensNoAdminEndpoint() throws Exception {
		String own = "Bearer " + tokens.get("prod-use1").get("workers");
		assertThat(get("/api/v1/clusters", own)).hasStatus(403);
		assertThat(get("/api/v1/clusters/prod-use1", own)).hasStatus(403);
		assertThat(get("/api/v1/clusters/prod-use1/audit", own)).hasStatus(403);
		assertThat(get("/api/v1/clusters/prod-use1/node-groups/workers/user-data", own)).hasStatus(403);
		assertThat(mvc.post()
			.uri("/api/v1/clusters/prod-use1/node-groups/workers/fetch-token/rotate")
			.header(HttpHeaders.AUTHORIZATION, own)
			.exchange()).hasStatus(403);
		assertThat(mvc.delete().uri("/api/v1/clusters/prod-use1").header(HttpHeaders.AUTHORIZATION, own).exchange())
			.hasStatus(403);
		assertThat(get("/api/v1/clusters/prod-use1", "Bearer " + adminToken())).hasStatusOk();
	}

	/**
	 * Every endpoint, in every form a router decodes or strips into it, with and without
	 * a credential: refused with 400 before any handler runs. Once answered a handler
	 * would have been reached without a token ({@code /%61pi/v1/clusters} listed every
	 * definition, a DELETE of {@code /%61pi/v1/clusters/NAME} removed the cluster and its
	 * CA).
	 */
	static Stream<Arguments> everyEndpointInEveryNonNormalForm() {
		List<String[]> endpoints = List.of(new String[] { "GET", "/api/v1/clusters" },
				new String[] { "POST", "/api/v1/clusters" }, new String[] { "GET", "/api/v1/clusters/prod-use1" },
				new String[] { "PUT", "/api/v1/clusters/prod-use1" },
				new String[] { "DELETE", "/api/v1/clusters/prod-use1" },
				new String[] { "GET", "/api/v1/clusters/prod-use1/audit" },
				new String[] { "GET", "/api/v1/clusters/prod-use1/revisions" },
				new String[] { "GET", "/api/v1/clusters/prod-use1/revisions/1/diff" },
				new String[] { "POST", "/api/v1/clusters/prod-use1/preview" },
				new String[] { "POST", "/api/v1/clusters/prod-use1/secrets/rotate" },
				new String[] { "GET", "/api/v1/clusters/prod-use1/node-groups/workers/user-data" },
				new String[] { "POST", "/api/v1/clusters/prod-use1/node-groups/workers/fetch-token/rotate" },
				new String[] { "GET", "/api/v1/clusters/prod-use1/node-groups/workers/ignition" },
				new String[] { "GET", "/api/v1/clusters/prod-use1/node-groups/workers/butane" },
				new String[] { "GET", "/api/v1/clusters/prod-use1/node-groups/workers/kubeadm" },
				new String[] { "GET", "/api/v1/clusters/lab/nodes/worker-1/ignition" },
				new String[] { "GET", "/api/v1/clusters/lab/nodes/worker-1/user-data" });
		List<java.util.function.UnaryOperator<String>> forms = List.of((path) -> path.replace("/api/", "/%61pi/"),
				(path) -> path.replace("/api/", "/ap%69/"), (path) -> path.replace("/api/", "/api;x=y/"),
				(path) -> path.replace("/v1/", "/v1;/"), (path) -> path + ";jsessionid=1",
				(path) -> path.replace("/clusters", "//clusters"), (path) -> path.replace("/v1/", "/v1//"),
				(path) -> path.replace("/v1/", "/./v1/"), (path) -> path.replace("/v1/", "/x/../v1/"),
				(path) -> path.replace("/v1/", "/x/%2e%2e/v1/"), (path) -> path.replace("/clusters", "/cluster%73"),
				(path) -> path.replace("/api/v1", "/api%2Fv1"), (path) -> path.replace("/api/v1", "/api%5Cv1"));
		List<Arguments> cases = new ArrayList<>();
		for (String[] endpoint : endpoints) {
			for (var form : forms) {
				for (String caller : List.of("none", "admin", "fetch")) {
					cases.add(Arguments.of(endpoint[0], form.apply(endpoint[1]), caller));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1} as {2}")
	@MethodSource
	void everyEndpointInEveryNonNormalForm(String method, String rawPath, String caller) throws Exception {
		var request = mvc.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(java.net.URI.create(rawPath))
			.contentType("application/json")
			.content("{}");
		switch (caller) {
			case "admin" -> request.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken());
			case "fetch" ->
				request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get("prod-use1").get("workers"));
			default -> {
			}
		}
		MvcTestResult result = request.exchange();

		assertThat(result.getRequest().getRequestURI()).as("sent as written").isEqualTo(rawPath);
		assertThat(result).hasStatus(400);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(Mappers.json().readTree(result.getResponse().getContentAsString()).get("type").asString())
			.isEqualTo("urn:stoker:problem:non-normal-uri");
		assertThat(result.getResponse().getContentAsString()).doesNotContain(rawPath).doesNotContain("prod-use1");
		assertThat(get("/api/v1/clusters/prod-use1", "Bearer " + adminToken())).as("nothing was changed or removed")
			.hasStatusOk()
			.hasHeader(HttpHeaders.ETAG, "\"1\"");
	}

	/**
	 * Every path needs a credential but the open ones: an unknown path says 401 to a
	 * caller without one, and only the admin learns that it does not exist.
	 */
	@Test
	void everyPathButTheOpenOnesNeedsACredential() {
		for (String open : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
				"/actuator/prometheus", "/v3/api-docs", "/swagger-ui/index.html")) {
			assertThat(get(open, null)).as(open).hasStatusOk();
		}
		for (String guarded : List.of("/actuator", "/actuator/info")) {
			assertThat(get(guarded, null)).as(guarded).hasStatus(401);
			assertThat(get(guarded, "Bearer " + adminToken())).as(guarded).hasStatusOk();
		}
		for (String unknown : List.of("/", "/actuator/env", "/api", "/api/v2/clusters", "/nothing-here",
				"/API/v1/clusters", "/api/v1/clusters/")) {
			assertThat(get(unknown, null)).as(unknown).hasStatus(401);
			assertThat(get(unknown, "Bearer " + adminToken())).as(unknown).hasStatus(404);
		}
	}

	/**
	 * The credential-in-URL refusal holds on open paths too: the URL is logged all the
	 * same.
	 */
	@Test
	void aCredentialInTheQueryStringIsRefusedOnOpenPathsToo() throws Exception {
		MvcTestResult result = mvc.get()
			.uri(java.net.URI.create("/actuator/health?access_token=" + adminToken()))
			.exchange();
		assertThat(result).hasStatus(400);
		assertThat(result.getResponse().getContentAsString()).contains("credential-in-url")
			.doesNotContain(adminToken());
	}

	/** A credential in the URL would be logged by every proxy, and by Ignition: 400. */
	@Test
	void aCredentialInTheQueryStringIsRefused() throws Exception {
		String path = "/api/v1/clusters/prod-use1/node-groups/workers/ignition";
		String fetch = tokens.get("prod-use1").get("workers");
		for (String query : List.of("access_token=" + adminToken(), "token=" + fetch, "x=" + fetch,
				"anything=" + adminToken(), "access%5Ftoken=whatever", "x=" + fetch.replace(".", "%2E"),
				"verify=true&Authorization=x")) {
			MvcTestResult result = mvc.get()
				.uri(java.net.URI.create(path + "?" + query))
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
				.exchange();
			assertThat(result).as(query).hasStatus(400);
			assertThat(result.getResponse().getContentAsString()).doesNotContain(adminToken()).doesNotContain(fetch);
		}
	}

	private MvcTestResult get(String path, String authorization) {
		var request = mvc.get().uri(path);
		if (authorization != null) {
			request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		return request.exchange();
	}

	private List<String> secrets() {
		List<String> secrets = new ArrayList<>(
				List.of(adminToken(), rotatedAway, keeperRotatedAway, keeper("lab"), keeper("prod-use1")));
		tokens.values().forEach((groups) -> secrets.addAll(groups.values()));
		for (String cluster : tokens.keySet()) {
			KubeadmSecrets kubeadm = clusterSecrets.load(cluster).orElseThrow();
			secrets.add(kubeadm.bootstrapToken().value());
			secrets.add(kubeadm.ca().privateKeyPem());
			secrets.add(kubeadm.controlPlanePki().serviceAccount().privateKeyPem());
		}
		return secrets;
	}

}

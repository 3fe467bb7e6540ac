package dev.stoker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.stoker.Markdown.CodeBlock;
import dev.stoker.definition.ClusterDefinitionExample;
import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.json.Mappers;
import dev.stoker.problem.ProblemType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The documentation is tested like code: every example definition validates, every JSON
 * example parses (a problem detail as the catalog has it), and every {@code sh} block of
 * the README and of docs/ runs as written, with bash and curl, against the real service.
 * A {@code json} block right after an {@code sh} block shows what it answers.
 */
@SharedApplication
class DocsTest {

	private static final String PROBLEM_TYPE_PREFIX = "urn:stoker:problem:";

	/**
	 * Fails, as the AWS CLI does, when a file:// argument names no file, and records each
	 * call, one file of NUL-terminated arguments per call, for
	 * {@link #theAwsCallsWereGivenIgnition} to read.
	 */
	private static final String AWS_STAND_IN = """
			#!/usr/bin/env bash
			set -eu
			for arg in "$@"; do
			  case "$arg" in
			    file://*) [ -f "${arg#file://}" ] || { echo "aws: no file ${arg#file://}" >&2; exit 255; } ;;
			  esac
			done
			calls="$(dirname "$0")/../aws-calls"
			mkdir -p "$calls"
			printf '%s\\0' "$@" > "$calls/$(find "$calls" -type f | wc -l)"
			""";

	@TempDir
	static Path workDir;

	@LocalServerPort
	int port;

	static Stream<Path> examples() throws IOException {
		return Files.list(Path.of("examples")).sorted();
	}

	static List<Markdown> pages() {
		return Markdown.pages();
	}

	static Stream<Markdown> pagesWithCommands() {
		return Markdown.pages().stream().filter(page -> !page.codeBlocks("sh").isEmpty());
	}

	@ParameterizedTest(name = "example {0} is a valid definition")
	@MethodSource("examples")
	void everyExampleIsAValidDefinition(Path example) throws IOException {
		String text = Files.readString(example);
		var tree = example.toString().endsWith(".json") ? Mappers.json().readTree(text) : Mappers.yaml().readTree(text);
		assertThatNoException().isThrownBy(() -> new ClusterValidator().validate(tree));
	}

	@Test
	void theDefinitionsShownInTheDocsAndInTheApiDescriptionAreValid() {
		List<String> definitions = new ArrayList<>();
		for (Markdown page : pages()) {
			for (String yaml : page.codeBlocks("yaml")) {
				JsonNode tree = Mappers.yaml().readTree(yaml);
				if (tree.isObject() && tree.has("kubernetesVersion")) {
					definitions.add(page + ":\n" + yaml);
					assertThatNoException().as("a definition in %s:%n%s", page, yaml)
						.isThrownBy(() -> new ClusterValidator().validate(tree));
				}
			}
		}
		assertThat(definitions).hasSizeGreaterThanOrEqualTo(2);
		assertThatNoException()
			.isThrownBy(() -> new ClusterValidator().validate(Mappers.json().readTree(ClusterDefinitionExample.JSON)));
	}

	@ParameterizedTest(name = "the JSON in {0} parses, and its problems are in the catalog")
	@MethodSource("pages")
	void everyJsonExampleParsesAndItsProblemsAreInTheCatalog(Markdown page) {
		for (String json : page.codeBlocks("json")) {
			JsonNode tree = Mappers.json().readTree(json);
			String type = tree.path("type").asString("");
			if (type.startsWith(PROBLEM_TYPE_PREFIX)) {
				ProblemType problem = Arrays.stream(ProblemType.values())
					.filter(p -> p.type().toString().equals(type))
					.findFirst()
					.orElseThrow(() -> new AssertionError(page + " shows a problem type the catalog lacks: " + type));
				assertThat(tree.path("title").asString()).as(type).isEqualTo(problem.title());
				assertThat(tree.path("status").asInt()).as(type).isEqualTo(problem.status().value());
			}
		}
	}

	@ParameterizedTest(name = "the commands of {0} run as written")
	@MethodSource("pagesWithCommands")
	void theCommandsRunAsWrittenAndAnswerAsShown(Markdown page) throws Exception {
		deleteEveryCluster();
		Path dir = pageDirectory(page);
		List<CodeBlock> blocks = page.codeBlocks();
		// The README's commands run twice in the same directory: a newcomer runs the
		// quick
		// start again, which must read the revisions it names rather than assume them.
		int passes = page.path().equals(Markdown.README) ? 2 : 1;
		for (int pass = 1; pass <= passes; pass++) {
			runCommands(page, blocks, dir, pass);
		}
		theAwsCallsWereGivenIgnition(dir);
	}

	private void runCommands(Markdown page, List<CodeBlock> blocks, Path dir, int pass) throws Exception {
		for (int i = 0; i < blocks.size(); i++) {
			CodeBlock block = blocks.get(i);
			if (!block.language().equals("sh")) {
				continue;
			}
			Run run = bash(dir, block.body());
			assertThat(run.exitCode())
				.as("in %s (run %d):%n%s%noutput:%n%s%s", page, pass, block.body(), run.output(), run.errors())
				.isZero();
			if (i + 1 < blocks.size() && blocks.get(i + 1).language().equals("json")
					&& page.adjacent(block, blocks.get(i + 1))) {
				JsonNode shown = Mappers.json().readTree(blocks.get(i + 1).body());
				JsonNode answered = Mappers.json().readTree(run.output());
				String what = page + ", the answer of:\n" + block.body() + "\nanswered:\n" + run.output();
				if (shown.path("type").asString("").startsWith(PROBLEM_TYPE_PREFIX)) {
					assertThat(answered).as(what).isEqualTo(shown);
				}
				else {
					assertSameShape(shown, answered, "", what);
				}
			}
		}
	}

	/**
	 * After boot's Cilium step is shown, not run, since helm needs the cluster: its curl
	 * runs here as written, against the example, and writes the values the page shows,
	 * which are the reviewed ones; helm install takes that file with the version the page
	 * names.
	 */
	@Test
	void theCiliumStepWritesTheValuesThePageShows() throws Exception {
		Markdown page = Markdown.read(Markdown.DOCS.resolve("after-boot.md"));
		String step = page.codeBlocks("shell")
			.stream()
			.filter((block) -> block.contains("/cilium-values"))
			.findFirst()
			.orElseThrow();
		String written = "> cilium-values.yaml";
		assertThat(step).contains(written,
				"helm install cilium cilium/cilium --version 1.20.0 --namespace kube-system -f cilium-values.yaml");
		deleteEveryCluster();
		Path dir = Files.createDirectories(workDir.resolve("cilium-step"));
		Run run = bash(dir,
				"curl --fail-with-body -sS -X POST \"$STOKER/api/v1/clusters\" "
						+ "-H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/yaml' --data-binary @"
						+ Path.of("examples", "aws-dual-stack.yaml").toAbsolutePath() + " > /dev/null\n"
						+ step.substring(0, step.indexOf(written) + written.length()));

		assertThat(run.exitCode()).as(run.errors()).isZero();
		String values = Files.readString(dir.resolve("cilium-values.yaml"));
		assertThat(values).isEqualTo(Files.readString(Golden.file("cni/dual-stack.yaml")));
		assertThat(page.codeBlocks("yaml")).contains(values);
	}

	/**
	 * Same fields and list lengths, same numbers and booleans; strings may differ, since
	 * tokens and URLs do.
	 */
	private static void assertSameShape(JsonNode shown, JsonNode answered, String at, String what) {
		assertThat(answered.getNodeType()).as("%s at '%s'", what, at).isEqualTo(shown.getNodeType());
		if (shown.isObject()) {
			assertThat(answered.propertyNames()).as("%s, the fields at '%s'", what, at)
				.containsExactlyInAnyOrderElementsOf(shown.propertyNames());
			shown.propertyNames()
				.forEach(name -> assertSameShape(shown.get(name), answered.get(name), at + "/" + name, what));
		}
		else if (shown.isArray()) {
			assertThat(answered.size()).as("%s, the length at '%s'", what, at).isEqualTo(shown.size());
			for (int i = 0; i < shown.size(); i++) {
				assertSameShape(shown.get(i), answered.get(i), at + "/" + i, what);
			}
		}
		else if (!shown.isString()) {
			assertThat(answered).as("%s at '%s'", what, at).isEqualTo(shown);
		}
	}

	/**
	 * Whatever the pages gave the AWS CLI as user data is an Ignition config, and a
	 * launch template's is the base64 of a user-data pointer.
	 */
	private static void theAwsCallsWereGivenIgnition(Path dir) throws IOException {
		Path calls = dir.resolve("aws-calls");
		if (!Files.isDirectory(calls)) {
			return;
		}
		try (Stream<Path> files = Files.list(calls)) {
			for (Path call : files.sorted().toList()) {
				List<String> args = Arrays.asList(Files.readString(call).split("\0"));
				int userData = args.indexOf("--user-data");
				if (userData >= 0) {
					String file = args.get(userData + 1);
					assertThat(file).as("aws %s", args).startsWith("file://");
					JsonNode ignition = Mappers.json()
						.readTree(Files.readString(dir.resolve(file.substring("file://".length()))));
					assertThat(ignition.at("/ignition/version").asString()).as("aws %s", args).startsWith("3.");
				}
				int template = args.indexOf("--launch-template-data");
				if (template >= 0) {
					JsonNode data = Mappers.json().readTree(args.get(template + 1));
					JsonNode pointer = Mappers.json()
						.readTree(new String(Base64.getDecoder().decode(data.path("UserData").asString()),
								StandardCharsets.UTF_8));
					assertThat(pointer.at("/ignition/config/replace/source").asString()).as("aws %s", args)
						.endsWith("/ignition");
				}
			}
		}
	}

	/** Each page starts from an empty store, in a directory of its own. */
	private void deleteEveryCluster() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> list = http.send(request("/api/v1/clusters").build(),
				HttpResponse.BodyHandlers.ofString());
		for (JsonNode cluster : Mappers.json().readTree(list.body())) {
			HttpResponse<Void> deleted = http.send(
					request("/api/v1/clusters/" + cluster.path("name").asString()).DELETE().build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(deleted.statusCode()).isEqualTo(204);
		}
	}

	private HttpRequest.Builder request(String path) throws IOException {
		return HttpRequest.newBuilder(URI.create(stoker() + path)).header("Authorization", "Bearer " + adminToken());
	}

	private static Path pageDirectory(Markdown page) throws IOException {
		Path dir = Files.createDirectories(workDir.resolve("pages").resolve(page.path().toString().replace('/', '-')));
		Files.createSymbolicLink(dir.resolve("data"), SharedApplicationSetup.dataDirectory());
		Path examples = Files.createDirectories(dir.resolve("examples"));
		for (Path example : examples().toList()) {
			Files.copy(example, examples.resolve(example.getFileName()));
		}
		Path aws = Files.createDirectories(dir.resolve("bin")).resolve("aws");
		Files.writeString(aws, AWS_STAND_IN);
		Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
		return dir;
	}

	private record Run(int exitCode, String output, String errors) {
	}

	/** The variables the pages say to set: Stoker's URL, the admin token, AWS ids. */
	private Run bash(Path dir, String script) throws Exception {
		Path errors = Files.createTempFile(workDir, "stderr", ".txt");
		ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(dir.toFile())
			.redirectError(errors.toFile());
		builder.environment().put("STOKER", stoker());
		builder.environment().put("TOKEN", adminToken());
		builder.environment().put("FLATCAR_AMI", "ami-0123456789abcdef0");
		builder.environment().put("SUBNET", "subnet-0123456789abcdef0");
		builder.environment().put("SG", "sg-0123456789abcdef0");
		builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
		Process process = builder.start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), output, Files.readString(errors));
	}

	private String stoker() {
		return "http://localhost:" + port;
	}

	private static String adminToken() {
		return SharedApplicationSetup.adminToken();
	}

}

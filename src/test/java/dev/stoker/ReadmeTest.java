package dev.stoker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.stoker.definition.ClusterDefinitionExample;
import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.json.Mappers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The documentation is tested like code: every example definition validates, and the
 * README's quick start runs as written (with curl) against the real service.
 */
@SharedApplication
class ReadmeTest {

	private static final Path README = Path.of("README.md");

	private static final Pattern CODE_BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

	/**
	 * Where the README's commands run, as from the repository root: examples/ and the
	 * application's data/ are there.
	 */
	@TempDir
	static Path workDir;

	@LocalServerPort
	int port;

	static Stream<Path> examples() throws IOException {
		return Files.list(Path.of("examples")).sorted();
	}

	@ParameterizedTest(name = "example {0} is a valid definition")
	@MethodSource("examples")
	void everyExampleIsAValidDefinition(Path example) throws IOException {
		String text = Files.readString(example);
		var tree = example.toString().endsWith(".json") ? Mappers.json().readTree(text) : Mappers.yaml().readTree(text);
		assertThatNoException().isThrownBy(() -> new ClusterValidator().validate(tree));
	}

	@Test
	void theDefinitionShownInTheReadmeAndInTheApiDescriptionAreValid() throws IOException {
		List<String> definitions = blocks("yaml").stream().filter(b -> b.startsWith("name:")).toList();
		assertThat(definitions).isNotEmpty();
		for (String definition : definitions) {
			assertThatNoException()
				.isThrownBy(() -> new ClusterValidator().validate(Mappers.yaml().readTree(definition)));
		}
		assertThatNoException()
			.isThrownBy(() -> new ClusterValidator().validate(Mappers.json().readTree(ClusterDefinitionExample.JSON)));
	}

	@Test
	void theQuickStartRunsAsWrittenAndTheRefusalLooksAsShown() throws Exception {
		Files.createSymbolicLink(workDir.resolve("examples"), Path.of("examples").toAbsolutePath());
		Files.createSymbolicLink(workDir.resolve("data"), SharedApplicationSetup.dataDirectory());
		List<String> shell = blocks(section("Quick start"), "sh");
		assertThat(shell).hasSize(2);

		Run quickStart = bash(shell.get(0));
		assertThat(quickStart.exitCode()).as("quick start output:%n%s", quickStart.output()).isZero();
		assertThat(quickStart.output()).contains("ETag: \"1\"").contains("\"revision\":2");

		Run refusal = bash(shell.get(0).lines().limit(2).reduce("", (a, b) -> a + b + "\n") + shell.get(1));
		String shown = blocks(section("Quick start"), "json").get(0);
		assertThat(Mappers.json().readTree(refusal.output())).isEqualTo(Mappers.json().readTree(shown));
	}

	private record Run(int exitCode, String output) {
	}

	private Run bash(String script) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
			.directory(workDir.toFile())
			.redirectErrorStream(true);
		builder.environment().put("STOKER", "http://localhost:" + port);
		Process process = builder.start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), output);
	}

	private static List<String> blocks(String language) throws IOException {
		return blocks(Files.readString(README), language);
	}

	/** The text of one "## " section of the README. */
	private static String section(String heading) throws IOException {
		String readme = Files.readString(README);
		int start = readme.indexOf("\n## " + heading + "\n");
		assertThat(start).as("README section %s", heading).isNotNegative();
		int end = readme.indexOf("\n## ", start + 1);
		return end < 0 ? readme.substring(start) : readme.substring(start, end);
	}

	private static List<String> blocks(String text, String language) {
		Matcher m = CODE_BLOCK.matcher(text);
		List<String> blocks = new ArrayList<>();
		while (m.find()) {
			if (m.group(1).equals(language)) {
				blocks.add(m.group(2));
			}
		}
		return blocks;
	}

}

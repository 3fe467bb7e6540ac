package dev.stoker.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.stoker.json.Mappers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image cannot be built here (no container engine), so the Dockerfile's structure is
 * checked as text: what a security review would look for, and what the Helm chart relies
 * on (the UID, the port, the launcher).
 */
class DockerfileTest {

	private static final Pattern SECRET_NAME = Pattern.compile("TOKEN|KEY|PASSWORD|SECRET");

	private static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
			"application");

	private static List<List<Instruction>> stages;

	record Instruction(String keyword, String arguments) {
	}

	@BeforeAll
	static void parse() throws IOException {
		stages = stages(instructions(Files.readString(Path.of("Dockerfile"))));
	}

	/** Comments and blank lines dropped, continuation lines joined. */
	static List<Instruction> instructions(String dockerfile) {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : dockerfile.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				current.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			current.append(trimmed);
			String[] parts = current.toString().split("\\s+", 2);
			instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), (parts.length > 1) ? parts[1] : ""));
			current.setLength(0);
		}
		return instructions;
	}

	private static List<List<Instruction>> stages(List<Instruction> instructions) {
		List<List<Instruction>> stages = new ArrayList<>();
		for (Instruction instruction : instructions) {
			if (instruction.keyword().equals("FROM")) {
				stages.add(new ArrayList<>());
			}
			assertThat(stages).as("an instruction before the first FROM: %s", instruction).isNotEmpty();
			stages.get(stages.size() - 1).add(instruction);
		}
		return stages;
	}

	private static List<Instruction> all() {
		return stages.stream().flatMap(List::stream).toList();
	}

	private static List<Instruction> finalStage() {
		return stages.get(stages.size() - 1);
	}

	private static List<String> arguments(List<Instruction> instructions, String keyword) {
		return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
	}

	@Test
	void buildsInOneStageAndRunsInAnother() {
		assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
		assertThat(arguments(stages.get(0), "FROM").get(0)).contains("-jdk").containsIgnoringCase(" AS build");
		assertThat(arguments(finalStage(), "FROM").get(0)).contains("-jre");
		assertThat(arguments(stages.get(0), "RUN")).anyMatch(run -> run.contains("./mvnw") && run.contains("-Paot"))
			// jars rather than loose classes: what class data sharing can archive
			.anyMatch(run -> run.contains("-Djarmode=tools") && run.contains("extract --layers --destination")
					&& !run.contains("--launcher"));
	}

	@Test
	void runsAsAFixedNonRootUser() {
		List<String> users = arguments(finalStage(), "USER");
		assertThat(users).isNotEmpty();
		String user = users.get(users.size() - 1).split(":")[0];
		assertThat(user).isNotIn("root", "0").matches("[1-9][0-9]*");
	}

	@Test
	void exposesTheHttpPortAndLeavesHealthToTheOrchestrator() {
		assertThat(arguments(finalStage(), "EXPOSE")).containsExactly("8080");
		assertThat(arguments(all(), "HEALTHCHECK")).isEmpty();
	}

	@Test
	void startsTheApplicationJarInExecFormSoJavaGetsTheSignals() {
		List<String> entrypoints = arguments(finalStage(), "ENTRYPOINT");
		assertThat(entrypoints).hasSize(1);
		var entrypoint = Mappers.json().readTree(entrypoints.get(0));
		assertThat(entrypoint.isArray()).as("ENTRYPOINT is a JSON array").isTrue();
		assertThat(entrypoint.get(0).asString()).isEqualTo("java");
		assertThat(entrypoint.values().stream().map((each) -> each.asString()).toList()).containsExactly("java",
				"-XX:SharedArchiveFile=stoker.jsa", "-Dspring.aot.enabled=true", "-jar", "stoker.jar");
		assertThat(arguments(finalStage(), "CMD")).isEmpty();
	}

	/**
	 * The class data sharing archive the entry point starts from is made by a training
	 * run in the image (Spring Boot's reference, "Class Data Sharing"), on a throwaway
	 * data directory that does not stay in the image.
	 */
	@Test
	void trainsTheClassDataSharingArchiveOnAThrowawayDataDirectory() {
		assertThat(arguments(finalStage(), "RUN"))
			.anySatisfy((run) -> assertThat(run).contains("-XX:ArchiveClassesAtExit=stoker.jsa")
				// the classes the entry point loads: those of the ahead-of-time processed
				// context
				.contains("-Dspring.aot.enabled=true")
				.contains("-Dspring.context.exit=onRefresh")
				.contains("-jar stoker.jar --stoker.data-dir=/tmp/cds-training")
				.contains("rm -rf /tmp/cds-training"));
		// the archive is made before the application runs as its user, readable by it
		List<String> instructions = finalStage().stream().map(Instruction::keyword).toList();
		assertThat(instructions.lastIndexOf("RUN")).isLessThan(instructions.indexOf("USER"));
	}

	@Test
	void keepsNoSecretInTheImage() {
		List<String> names = new ArrayList<>();
		for (Instruction instruction : all()) {
			if (instruction.keyword().equals("ENV") || instruction.keyword().equals("ARG")) {
				names.add(instruction.arguments().split("[=\\s]", 2)[0]);
			}
		}
		assertThat(names).noneMatch(name -> SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).find());
	}

	@Test
	void pointsTheDataDirectoryAtAVolume() {
		assertThat(arguments(finalStage(), "ENV")).contains("STOKER_DATADIR=/var/lib/stoker");
		assertThat(arguments(finalStage(), "VOLUME")).contains("/var/lib/stoker");
	}

	@Test
	void copiesEachLayerFromTheBuildStageInOrder() {
		List<String> copies = arguments(finalStage(), "COPY");
		List<String> layers = copies.stream()
			.filter(copy -> copy.startsWith("--from=build "))
			.map(copy -> copy.replaceAll(".*/extracted/([^/]+)/.*", "$1"))
			.toList();
		assertThat(layers).containsExactlyElementsOf(LAYERS);
		assertThat(copies).allMatch(copy -> copy.startsWith("--from=build "));
	}

	@Test
	void theDocumentedDockerCommandsMatchTheImage() throws IOException {
		String operations = Files.readString(Path.of("docs/operations.md"));
		String docker = operations.substring(operations.indexOf("\n## Docker\n"),
				operations.indexOf("\n## Kubernetes with Helm\n"));
		assertThat(docker).contains("docker build -t stoker .")
			.contains("-p 8080:8080")
			.contains(":" + arguments(finalStage(), "VOLUME").get(0))
			.contains("-e STOKER_ADMIN_TOKEN -e STOKER_MASTER_KEY")
			.contains("-e SPRING_DATASOURCE_URL=jdbc:postgresql://stoker-postgres:5432/stoker");
	}

}

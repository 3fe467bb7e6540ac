package dev.stoker.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs kubeadm.service's script lines the way a Flatcar host would: each Exec line as
 * written, read back into argv as systemd does (undoing $$ and %%), with the metadata
 * file's variables in the environment as EnvironmentFile= puts them, through the real
 * bash and envsubst. Only the two config file paths are moved, to {@code in} and
 * {@code out}.
 */
final class HostSimulation {

	/** What the line exited with, and its stdout and stderr together. */
	record Run(int exitCode, String output) {
	}

	private HostSimulation() {
	}

	/**
	 * The variables of an env file of plain KEY=value lines, as EnvironmentFile= reads
	 * it.
	 */
	static Map<String, String> metadata(String file) {
		Map<String, String> variables = new LinkedHashMap<>();
		file.lines().filter(l -> !l.isBlank()).forEach(l -> {
			int eq = l.indexOf('=');
			variables.put(l.substring(0, eq), l.substring(eq + 1));
		});
		return variables;
	}

	/**
	 * Runs an Exec line as systemd would hand it to the program, with the config paths
	 * moved to {@code in} and {@code out}, in an environment of PATH, HOME, the metadata
	 * variables, and for each of them look-alikes (the name with X or _SUFFIX appended)
	 * that a wider substitution than the unit's would pick up.
	 */
	static Run run(String execLine, Path in, Path out, Map<String, String> metadata)
			throws IOException, InterruptedException {
		List<String> argv = UnitLines.argv(execLine);
		assertThat(argv.subList(0, 2)).containsExactly("/bin/bash", "-c");
		String script = argv.get(2)
			.replace(KubeadmUnit.FINAL_CONFIG, out.toString())
			.replace(KubeadmUnit.CONFIG, in.toString());
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("PATH", KubeadmUnit.PATH);
		environment.put("HOME", "/root");
		metadata.keySet().forEach(name -> {
			environment.put(name + "X", "not-me");
			environment.put(name + "_SUFFIX", "not-me-either");
		});
		environment.putAll(metadata);
		return bash(environment, Duration.ofSeconds(30), "-c", script);
	}

	/**
	 * Runs the real bash with these arguments in exactly this environment, stdin closed;
	 * a run that outlasts the timeout fails the test.
	 */
	static Run bash(Map<String, String> environment, Duration timeout, String... arguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("/bin/bash"));
		command.addAll(List.of(arguments));
		ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
		process.environment().clear();
		process.environment().putAll(environment);
		Process started = process.start();
		started.getOutputStream().close();
		if (!started.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
			started.destroyForcibly();
			throw new AssertionError("bash did not finish: " + String.join(" ", arguments));
		}
		return new Run(started.exitValue(),
				new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
	}

	/** Writes a stub program (or a script to run) that only the owner may run. */
	static void executable(Path file, String text) throws IOException {
		Files.writeString(file, text);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
	}

}

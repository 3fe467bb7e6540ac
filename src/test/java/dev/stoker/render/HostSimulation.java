package dev.stoker.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
		ProcessBuilder process = new ProcessBuilder("/bin/bash", "-c", script).redirectErrorStream(true);
		Map<String, String> environment = process.environment();
		environment.clear();
		environment.put("PATH", KubeadmUnit.PATH);
		environment.put("HOME", "/root");
		metadata.keySet().forEach(name -> {
			environment.put(name + "X", "not-me");
			environment.put(name + "_SUFFIX", "not-me-either");
		});
		environment.putAll(metadata);
		Process started = process.start();
		started.getOutputStream().close();
		if (!started.waitFor(30, TimeUnit.SECONDS)) {
			started.destroyForcibly();
			throw new AssertionError("the script did not finish: " + script);
		}
		return new Run(started.exitValue(),
				new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
	}

}

package dev.stoker.systemd;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A command line as systemd runs it: an absolute program path and its arguments, each
 * passed as one argv entry however it is spelled. A leading {@code -} on the program
 * tells systemd to ignore a failure.
 * <p>
 * Some units are meant to take arguments from their environment: the kubelet's drop-in
 * runs {@code kubelet $KUBELET_KUBECONFIG_ARGS ...} with values kubeadm writes at boot.
 * Those are {@code variables}, written after the arguments as {@code $NAME}, each its own
 * word, which systemd replaces by the variable's value split at whitespace (nothing when
 * it is unset or empty). Only names can go there, never text, so the arguments keep their
 * escaping.
 *
 * @param ignoreFailure whether the unit goes on when the command fails ({@code -} prefix)
 * @param argv the program (absolute path) and its arguments
 * @param variables environment variable names whose words follow the arguments
 */
public record Command(boolean ignoreFailure, List<String> argv, List<String> variables) {

	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	public Command {
		argv = List.copyOf(argv);
		variables = List.copyOf(variables);
		if (argv.isEmpty() || !argv.get(0).startsWith("/")) {
			throw new IllegalArgumentException("a command starts with the program's absolute path");
		}
		if (!variables.stream().allMatch(name -> VARIABLE_NAME.matcher(name).matches())) {
			throw new IllegalArgumentException("an environment variable name is letters, digits and '_'");
		}
	}

	public Command(boolean ignoreFailure, List<String> argv) {
		this(ignoreFailure, argv, List.of());
	}

	public static Command of(String... argv) {
		return new Command(false, List.of(argv));
	}

	/** {@code /bin/bash -c <script>}: for what needs a shell (redirection, ||, tests). */
	public static Command bash(String script) {
		return of("/bin/bash", "-c", script);
	}

	public Command ignoringFailure() {
		return new Command(true, argv, variables);
	}

	/** This command with the words of these environment variables after its arguments. */
	public Command withVariables(String... names) {
		return new Command(ignoreFailure, argv, List.of(names));
	}

}

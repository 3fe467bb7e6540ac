package dev.stoker.systemd;

import java.util.List;

/**
 * A command line as systemd runs it: an absolute program path and its arguments, each
 * passed as one argv entry however it is spelled. A leading {@code -} on the program
 * tells systemd to ignore a failure.
 *
 * @param ignoreFailure whether the unit goes on when the command fails ({@code -} prefix)
 * @param argv the program (absolute path) and its arguments
 */
public record Command(boolean ignoreFailure, List<String> argv) {

	public Command {
		argv = List.copyOf(argv);
		if (argv.isEmpty() || !argv.get(0).startsWith("/")) {
			throw new IllegalArgumentException("a command starts with the program's absolute path");
		}
	}

	public static Command of(String... argv) {
		return new Command(false, List.of(argv));
	}

	/** {@code /bin/bash -c <script>}: for what needs a shell (redirection, ||, tests). */
	public static Command bash(String script) {
		return of("/bin/bash", "-c", script);
	}

	public Command ignoringFailure() {
		return new Command(true, argv);
	}

}

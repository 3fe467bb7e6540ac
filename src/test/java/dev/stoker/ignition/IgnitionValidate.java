package dev.stoker.ignition;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real {@code ignition-validate} (Debian package {@code ignition}) found on the
 * PATH. Where it is missing, a test using it is skipped with the reason, except in CI
 * ({@code CI=true}) or with {@code STOKER_REQUIRE_IGNITION_VALIDATE=true}: there a
 * missing validator fails the build rather than letting it pass unchecked.
 */
public final class IgnitionValidate {

	private static final String NAME = "ignition-validate";

	private IgnitionValidate() {
	}

	/** The validator, or the test is skipped (locally) or failed (when required). */
	public static Path binary() {
		Optional<Path> found = find();
		if (found.isEmpty()) {
			String reason = NAME + " is not on the PATH (Debian/Ubuntu: apt-get install ignition)";
			if (required()) {
				throw new AssertionError(
						reason + "; it is required here (CI=true or STOKER_REQUIRE_IGNITION_VALIDATE=true)");
			}
			Assumptions.abort(reason + "; skipped, set STOKER_REQUIRE_IGNITION_VALIDATE=true to fail instead");
		}
		return found.get();
	}

	public static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("CI"))
				|| "true".equalsIgnoreCase(System.getenv("STOKER_REQUIRE_IGNITION_VALIDATE"));
	}

	/** Whether this validator knows the spec version at all (2.14 stops at 3.3.0). */
	public static boolean knows(String specVersion) {
		return validate("{\"ignition\":{\"version\":\"" + specVersion + "\"}}").clean();
	}

	/** Validates one config; warnings show as output, so a clean result has none. */
	public static Result validate(String json) {
		Path binary = binary();
		try {
			Path config = Files.createTempFile("stoker-ignition-", ".json");
			try {
				Files.writeString(config, json, StandardCharsets.UTF_8);
				Process process = new ProcessBuilder(binary.toString(), config.toString()).redirectErrorStream(true)
					.start();
				process.getOutputStream().close();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new AssertionError(NAME + " did not finish within 60 seconds");
				}
				return new Result(process.exitValue(), output.replace(config.toString(), "<config>"));
			}
			finally {
				Files.deleteIfExists(config);
			}
		}
		catch (IOException ex) {
			throw new AssertionError("could not run " + binary, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while running " + binary, ex);
		}
	}

	private static Optional<Path> find() {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		return Stream.of(path.split(File.pathSeparator))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, NAME))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/** Exit status and everything the validator printed. */
	public record Result(int exitCode, String output) {

		public boolean clean() {
			return exitCode == 0 && output.isBlank();
		}

	}

}

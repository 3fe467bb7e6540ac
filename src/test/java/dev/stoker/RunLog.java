package dev.stoker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Every log line of a test run, as logback-test.xml writes it, and what a secret looks
 * like in it.
 */
public final class RunLog {

	static final Path FILE = Path.of("target", "test-logs", "run.log");

	/**
	 * The shape of each kind of secret Stoker generates: any match in a log line is a
	 * leak, whichever test generated the value.
	 */
	static final Map<String, Pattern> SECRET_SHAPES = Map.of("bootstrap token",
			Pattern.compile("(?<![A-Za-z0-9.])[a-z0-9]{6}\\.[a-z0-9]{16}(?![A-Za-z0-9])"), "certificate key",
			Pattern.compile("(?<![A-Za-z0-9])[0-9a-f]{64}(?![A-Za-z0-9])"), "fetch token",
			Pattern.compile("stf\\.[a-z0-9]{12}\\.[A-Za-z0-9_-]{43}"), "keeper credential",
			Pattern.compile("stj\\.[a-z0-9]{12}\\.[A-Za-z0-9_-]{43}"), "report credential",
			Pattern.compile("str\\.[a-z0-9]{12}\\.[A-Za-z0-9_-]{43}"), "admin token",
			Pattern.compile("stk_[A-Za-z0-9_-]{43}"), "PEM private key", Pattern.compile("PRIVATE KEY"),
			// base64 of 32 bytes, as STOKER_MASTER_KEY and STOKER_MASTER_PREVIOUSKEY are
			"master key", Pattern.compile("(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])"));

	private RunLog() {
	}

	static String read() {
		try {
			return Files.readString(FILE, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Each line of the text that holds something shaped like a secret, with its kind. */
	static List<String> secretShapedLines(String text) {
		List<String> found = new ArrayList<>();
		for (String line : text.split("\n")) {
			SECRET_SHAPES.forEach((kind, shape) -> {
				Matcher matcher = shape.matcher(line);
				if (matcher.find()) {
					found.add(kind + ": " + line);
				}
			});
		}
		return found;
	}

	/**
	 * Whether this JVM is one of those that run after the main one (the Surefire
	 * executions of their own), which read what the main one wrote.
	 */
	public static boolean afterTheMainJvm() {
		return Boolean.getBoolean("stoker.helm-jvm") || Boolean.getBoolean("stoker.log-scan-jvm")
				|| Boolean.getBoolean("stoker.api-status-jvm");
	}

	/** Empties the run log when a test run starts, so it holds this run's lines only. */
	public static final class FreshForEachRun implements LauncherSessionListener {

		@Override
		public void launcherSessionOpened(LauncherSession session) {
			if (afterTheMainJvm()) {
				// keep the main JVM's log
				return;
			}
			try {
				Files.createDirectories(FILE.getParent());
				Files.write(FILE, new byte[0]);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}

package dev.stoker.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import dev.stoker.RunLog;

/**
 * Every answer of the API a test run saw, as {@link ApiCallRecorder} writes them: one
 * line per distinct (method, path, status, headers, problem members), read back by
 * {@link AnsweredStatusesAreDocumentedTest} after the run.
 */
final class ObservedApiCalls {

	static final Path FILE = Path.of("target", "api-calls", "observed.tsv");

	/** Lines this JVM has written already: a run makes the same call many times. */
	private static final Set<String> WRITTEN = ConcurrentHashMap.newKeySet();

	private ObservedApiCalls() {
	}

	/**
	 * The kind of credential a request carried, told by its shape: whether it was a
	 * current one, the answer says.
	 */
	enum Credential {

		NONE, FETCH_TOKEN, OTHER

	}

	/**
	 * One answer: the raw path as requested (without its query), the names of the
	 * response headers and, for a problem answer, the names of its members, all in lower
	 * case.
	 */
	record Call(String method, String path, Credential credential, int status, Set<String> headers,
			Set<String> problemMembers) {

		Call {
			headers = new TreeSet<>(headers);
			problemMembers = new TreeSet<>(problemMembers);
		}

		String line() {
			return String.join("\t", method, path, credential.name(), Integer.toString(status),
					String.join(",", headers), String.join(",", problemMembers));
		}

		static Call parse(String line) {
			String[] fields = line.split("\t", -1);
			return new Call(fields[0], fields[1], Credential.valueOf(fields[2]), Integer.parseInt(fields[3]),
					names(fields[4]), names(fields[5]));
		}

		private static Set<String> names(String field) {
			return field.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(field.split(",")));
		}

	}

	static void record(Call call) {
		String line = call.line();
		if (!WRITTEN.add(line)) {
			return;
		}
		synchronized (WRITTEN) {
			try {
				Files.createDirectories(FILE.getParent());
				Files.writeString(FILE, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	static List<Call> read() {
		try {
			return Files.readAllLines(FILE, StandardCharsets.UTF_8).stream().map(Call::parse).toList();
		}
		catch (NoSuchFileException ex) {
			return List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Empties the file when a test run starts, so it holds this run's answers only; the
	 * JVMs that run after the main one keep it.
	 */
	public static final class FreshForEachRun implements LauncherSessionListener {

		@Override
		public void launcherSessionOpened(LauncherSession session) {
			if (!RunLog.afterTheMainJvm()) {
				WRITTEN.clear();
				FILE.toFile().delete();
			}
		}

	}

}

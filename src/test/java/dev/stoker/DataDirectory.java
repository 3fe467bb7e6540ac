package dev.stoker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A data directory for an application context that tests start. A test class's own is
 * made in a static initializer, not by {@code @TempDir}: the context, which needs it,
 * starts before JUnit fills the fields of a per-class test.
 */
public final class DataDirectory {

	private DataDirectory() {
	}

	public static Path create(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A data directory for an application that a whole test run shares, in the build
	 * directory rather than the system's temporary one: the application keeps its files
	 * open until the JVM ends, so nothing can remove them safely before; the next clean
	 * does.
	 */
	public static Path forTheTestRun(String prefix) {
		try {
			Path tests = Files.createDirectories(Path.of("target", "test-data"));
			return Files.createTempDirectory(tests, prefix + "-").toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package dev.stoker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A data directory of its own for a test class's application context. Made in a static
 * initializer, not by {@code @TempDir}: the context, which needs it, starts before JUnit
 * fills the fields of a per-class test.
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

}

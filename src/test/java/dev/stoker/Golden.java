package dev.stoker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files: generated output compared byte for byte with a reviewed file under
 * src/test/resources/golden. Run the tests with {@code STOKER_UPDATE_GOLDEN=true} to
 * rewrite the files from the current output, then review the diff before committing it.
 */
public final class Golden {

	private static final Path ROOT = Path.of("src", "test", "resources", "golden");

	private Golden() {
	}

	public static boolean updating() {
		return "true".equalsIgnoreCase(System.getenv("STOKER_UPDATE_GOLDEN"));
	}

	/** The reviewed file of this name, for a test that reads it rather than compares. */
	public static Path file(String name) {
		return ROOT.resolve(name);
	}

	public static void assertMatches(String actual, String name) throws IOException {
		Path file = file(name);
		if (updating()) {
			Files.createDirectories(file.getParent());
			Files.writeString(file, actual, StandardCharsets.UTF_8);
		}
		assertThat(file).as("golden file %s (rerun with STOKER_UPDATE_GOLDEN=true to rewrite it, then review)", file)
			.exists();
		assertThat(actual).as("output compared with golden file %s", file)
			.isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
	}

}

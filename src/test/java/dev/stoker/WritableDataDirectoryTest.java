package dev.stoker;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data directory that cannot be written stops the start with the setting named, before
 * the embedded database opens it read-only and every write fails at request time.
 * <p>
 * It starts an application of its own rather than using the shared one: the start failing
 * is the test.
 */
class WritableDataDirectoryTest {

	@TempDir
	Path dir;

	@Test
	void aFileWhereTheDirectoryShouldBeStopsTheStart() throws Exception {
		Path file = Files.writeString(dir.resolve("data"), "not a directory");
		SpringApplication application = new SpringApplication(StokerApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatThrownBy(() -> application.run("--stoker.data-dir=" + file, "--spring.main.banner-mode=off").close())
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("The data directory " + file + " (stoker.data-dir (STOKER_DATADIR)) cannot be created: a file "
					+ "of that name is in the way (FileAlreadyExistsException). Point stoker.data-dir (STOKER_DATADIR) "
					+ "at a writable directory.");
		assertThat(Files.readString(file)).isEqualTo("not a directory");
	}

	@Test
	void aDirectoryThatTakesNoFileIsRefusedAndAWritableOneLeavesNothingBehind() throws Exception {
		// a directory whose probe file name is taken by a directory cannot take the
		// probe, as a read-only mount cannot (permission bits would not stop root)
		Path blocked = Files.createDirectories(dir.resolve("blocked/.stoker-write-probe")).getParent();
		assertThatIllegalStateException().isThrownBy(() -> WritableDataDirectory.check(blocked))
			.withMessageStartingWith(
					"The data directory " + blocked + " (stoker.data-dir (STOKER_DATADIR)) cannot " + "be written (");

		Path fine = dir.resolve("fine");
		WritableDataDirectory.check(fine);
		try (var entries = Files.list(fine)) {
			assertThat(entries).isEmpty();
		}
	}

	@Test
	void onlyNeededForTheEmbeddedDatabaseOrGeneratedSecrets() {
		assertThat(WritableDataDirectory.needed(new MockEnvironment())).isTrue();
		assertThat(WritableDataDirectory
			.needed(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/stoker")
				.withProperty("stoker.admin.token", "x".repeat(24))
				.withProperty("stoker.master.key", "k")))
			.isFalse();
		assertThat(WritableDataDirectory
			.needed(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/stoker")
				.withProperty("stoker.admin.token", "x".repeat(24))))
			.isTrue();
	}

}

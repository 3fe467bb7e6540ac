package dev.stoker.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

import dev.stoker.StokerProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class AdminTokenTest {

	@TempDir
	Path dataDir;

	private StokerProperties properties(String token) {
		return new StokerProperties(dataDir, DataSize.ofMegabytes(1), new StokerProperties.Admin(token),
				new StokerProperties.Master(null, null), null, new StokerProperties.Tls(null),
				new StokerProperties.UserData(false));
	}

	@Test
	void aConfiguredTokenIsAcceptedAndNothingElse() {
		AdminToken admin = new AdminToken(properties("configured-token-0123456789"));
		assertThat(admin.matches("configured-token-0123456789")).isTrue();
		assertThat(admin.matches("configured-token-012345678")).isFalse();
		assertThat(admin.matches("")).isFalse();
		assertThat(admin.matches(null)).isFalse();
		assertThat(dataDir.resolve(AdminToken.FILE_NAME)).doesNotExist();
	}

	@Test
	void aShortConfiguredTokenStopsTheStart() {
		assertThatIllegalStateException().isThrownBy(() -> new AdminToken(properties("short")))
			.withMessageContaining("at least 16 characters")
			.withMessageNotContaining("short");
	}

	@Test
	void withoutATokenOneIsGeneratedIntoAnOwnerOnlyFileAndTheLogNamesTheFileNotTheToken(CapturedOutput output)
			throws Exception {
		AdminToken admin = new AdminToken(properties(null));
		Path file = dataDir.resolve(AdminToken.FILE_NAME);
		String token = Files.readString(file).strip();
		assertThat(token).startsWith("stk_").hasSize(47);
		assertThat(Files.getPosixFilePermissions(file))
			.isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		assertThat(admin.matches(token)).isTrue();
		assertThat(output).contains(file.toAbsolutePath().toString()).doesNotContain(token);
	}

	@Test
	void theGeneratedTokenSurvivesARestart() throws Exception {
		new AdminToken(properties(null));
		String token = Files.readString(dataDir.resolve(AdminToken.FILE_NAME)).strip();
		assertThat(new AdminToken(properties("")).matches(token)).isTrue();
	}

	@Test
	void eachFirstStartGeneratesADifferentToken(@TempDir Path otherDataDir) throws Exception {
		new AdminToken(properties(null));
		new AdminToken(new StokerProperties(otherDataDir, DataSize.ofMegabytes(1), new StokerProperties.Admin(null),
				new StokerProperties.Master(null, null), null, new StokerProperties.Tls(null),
				new StokerProperties.UserData(false)));
		assertThat(Files.readString(dataDir.resolve(AdminToken.FILE_NAME)))
			.isNotEqualTo(Files.readString(otherDataDir.resolve(AdminToken.FILE_NAME)));
	}

	@Test
	void theSettingsNeverPrintTheToken() {
		assertThat(properties("configured-token-0123456789").toString()).doesNotContain("configured-token");
	}

}

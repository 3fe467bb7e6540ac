package dev.stoker.secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

import dev.stoker.StokerProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class MasterKeyTest {

	private static final String CONFIGURED = Base64.getEncoder()
		.encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
				24, 25, 26, 27, 28, 29, 30, 31, 32 });

	private static final String PREVIOUS = Base64.getEncoder()
		.encodeToString("the previous key of thirty-two b".getBytes(StandardCharsets.US_ASCII));

	@TempDir
	Path dataDir;

	private StokerProperties properties(String key) {
		return properties(dataDir, key);
	}

	private static StokerProperties properties(Path dataDir, String key) {
		return new StokerProperties(dataDir, DataSize.ofMegabytes(1), new StokerProperties.Admin(null),
				new StokerProperties.Master(key, null), null, new StokerProperties.Tls(null),
				new StokerProperties.UserData(false));
	}

	@Test
	void aConfiguredKeyIsUsedAndNoFileIsWritten() throws Exception {
		MasterKey key = new MasterKey(properties(CONFIGURED));
		assertThat(key.key().getEncoded()).isEqualTo(Base64.getDecoder().decode(CONFIGURED));
		assertThat(key.id()).isEqualTo(HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(CONFIGURED)))
			.substring(0, 8));
		assertThat(dataDir.resolve(MasterKey.FILE_NAME)).doesNotExist();
	}

	@Test
	void surroundingWhitespaceAsInAMountedSecretIsIgnored() {
		assertThat(new MasterKey(properties("  " + CONFIGURED + "\n")).id())
			.isEqualTo(new MasterKey(properties(CONFIGURED)).id());
	}

	@ParameterizedTest(name = "\"{0}\" stops the start")
	@ValueSource(strings = { "not-base64-secret!", "c2hvcnQta2V5LXNlY3JldA==",
			"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gIQ==", "Zq9" })
	void aKeyThatIsNotBase64Of32BytesStopsTheStartWithoutBeingShown(String configured) {
		assertThatIllegalStateException().isThrownBy(() -> new MasterKey(properties(configured)))
			.withMessageContaining("STOKER_MASTER_KEY")
			.withMessageContaining("exactly 32 random bytes")
			.withMessageNotContaining(configured)
			.withNoCause();
	}

	@Test
	void withoutAKeyOneIsGeneratedIntoAnOwnerOnlyFileAndTheLogNamesTheFileNotTheKey(CapturedOutput output)
			throws Exception {
		MasterKey key = new MasterKey(properties(null));
		Path file = dataDir.resolve(MasterKey.FILE_NAME);
		String written = Files.readString(file).strip();

		assertThat(Base64.getDecoder().decode(written)).hasSize(32).isEqualTo(key.key().getEncoded());
		assertThat(Files.getPosixFilePermissions(file))
			.isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		assertThat(output).contains(file.toAbsolutePath().toString()).doesNotContain(written);
	}

	@Test
	void theGeneratedKeyIsReusedOnRestartAndStillDecrypts() {
		String stored = new SecretCipher(new MasterKey(properties(null)), new SecureRandomSource()).encrypt("kept",
				"cluster:1:ca-key");

		MasterKey restarted = new MasterKey(properties(""));

		assertThat(new SecretCipher(restarted, new SecureRandomSource()).decrypt(stored, "cluster:1:ca-key"))
			.isEqualTo("kept");
	}

	@Test
	void eachDataDirectoryGetsAKeyOfItsOwn(@TempDir Path otherDataDir) {
		assertThat(new MasterKey(properties(null)).id())
			.isNotEqualTo(new MasterKey(properties(otherDataDir, null)).id());
	}

	@Test
	void aConfiguredKeyWinsOverTheFile() {
		new MasterKey(properties(null));
		assertThat(new MasterKey(properties(CONFIGURED)).key().getEncoded())
			.isEqualTo(Base64.getDecoder().decode(CONFIGURED));
	}

	@Test
	void aDamagedKeyFileStopsTheStartNamingTheFileNotItsContent() throws Exception {
		Path file = Files.writeString(dataDir.resolve(MasterKey.FILE_NAME), "c2hvcnQta2V5LXNlY3JldA==\n");
		assertThatIllegalStateException().isThrownBy(() -> new MasterKey(properties(null)))
			.withMessageContaining(file.toAbsolutePath().toString())
			.withMessageContaining("decodes to 16 bytes")
			.withMessageNotContaining("c2hvcnQta2V5LXNlY3JldA");
	}

	@Test
	void neitherTheKeyNorTheSettingsPrintTheKey() {
		assertThat(new MasterKey(properties(CONFIGURED)).toString()).contains("redacted").doesNotContain(CONFIGURED);
		assertThat(properties(CONFIGURED).toString()).doesNotContain(CONFIGURED);
		assertThat(withPrevious(PREVIOUS).toString()).doesNotContain(PREVIOUS);
	}

	private StokerProperties withPrevious(String previous) {
		return new StokerProperties(dataDir, DataSize.ofMegabytes(1), new StokerProperties.Admin(null),
				new StokerProperties.Master(CONFIGURED, previous), null, new StokerProperties.Tls(null),
				new StokerProperties.UserData(false));
	}

	@Test
	void thePreviousKeyIsReadOnlyWhenSetAndNeverFromAFile() {
		assertThat(MasterKey.previous(withPrevious(null))).isEmpty();
		assertThat(MasterKey.previous(withPrevious(" "))).isEmpty();
		assertThat(MasterKey.previous(withPrevious(PREVIOUS + "\n")).orElseThrow().key().getEncoded())
			.isEqualTo(Base64.getDecoder().decode(PREVIOUS));
		assertThat(dataDir).isEmptyDirectory();
	}

	@ParameterizedTest(name = "\"{0}\" stops the start")
	@ValueSource(strings = { "not-base64-secret!", "c2hvcnQta2V5LXNlY3JldA==" })
	void aPreviousKeyThatIsNotBase64Of32BytesStopsTheStartNamingItsSettingNotItsValue(String configured) {
		assertThatIllegalStateException().isThrownBy(() -> MasterKey.previous(withPrevious(configured)))
			.withMessageStartingWith("stoker.master.previous-key (STOKER_MASTER_PREVIOUSKEY) ")
			.withMessageContaining("exactly 32 random bytes")
			.withMessageNotContaining(configured)
			.withNoCause();
	}

	/** The environment variable the documentation and the Helm chart name binds. */
	@Test
	void thePreviousKeyBindsFromItsEnvironmentVariable() {
		var environment = new SystemEnvironmentPropertySource("systemEnvironment",
				Map.of("STOKER_MASTER_KEY", CONFIGURED, "STOKER_MASTER_PREVIOUSKEY", PREVIOUS));
		StokerProperties bound = new Binder(ConfigurationPropertySources.from(environment)).bindOrCreate("stoker",
				StokerProperties.class);
		assertThat(bound.master().key()).isEqualTo(CONFIGURED);
		assertThat(bound.master().previousKey()).isEqualTo(PREVIOUS);
	}

}

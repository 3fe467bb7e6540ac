package dev.stoker.secrets;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SecretCipherTest {

	private static final String SECRET = "abcdef.0123456789abcdef";

	private static final String AD = "cluster:7:bootstrap-token";

	private final MasterKey key = new MasterKey(new SecureRandomSource().bytes(32));

	private final SecretCipher cipher = new SecretCipher(key, new SecureRandomSource());

	@Test
	void whatIsEncryptedDecryptsUnderTheSameKeyAndAssociatedData() {
		String pem = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";
		for (String plaintext : new String[] { SECRET, pem, "", "ünïcödé ✓" }) {
			assertThat(cipher.decrypt(cipher.encrypt(plaintext, AD), AD)).isEqualTo(plaintext);
		}
	}

	@Test
	void storedTextNamesTheFormatAndTheKeyAndHidesThePlaintext() {
		String stored = cipher.encrypt(SECRET, AD);
		assertThat(stored).matches("v1:[0-9a-f]{8}:[A-Za-z0-9+/]+={0,2}")
			.startsWith("v1:" + key.id() + ":")
			.doesNotContain(SECRET)
			.doesNotContain(Base64.getEncoder().encodeToString(SECRET.getBytes()));
		// 12 bytes of nonce, the ciphertext, 16 bytes of tag
		assertThat(payload(stored)).hasSize(12 + SECRET.length() + 16);
	}

	@Test
	void everyWriteHasAFreshNonce() {
		Set<String> nonces = new HashSet<>();
		Set<String> stored = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String text = cipher.encrypt(SECRET, AD);
			stored.add(text);
			nonces.add(Base64.getEncoder().encodeToString(Arrays.copyOf(payload(text), 12)));
		}
		assertThat(nonces).hasSize(1000);
		assertThat(stored).hasSize(1000);
	}

	@Test
	void flippingAnyBitOfTheCiphertextFailsClosed() {
		String stored = cipher.encrypt(SECRET, AD);
		byte[] payload = payload(stored);
		for (int i = 0; i < payload.length; i++) {
			for (int bit = 0; bit < 8; bit++) {
				byte[] altered = payload.clone();
				altered[i] ^= (byte) (1 << bit);
				String tampered = "v1:" + key.id() + ":" + Base64.getEncoder().encodeToString(altered);
				assertThatExceptionOfType(SecretDecryptionException.class)
					.isThrownBy(() -> cipher.decrypt(tampered, AD))
					.withMessageContaining("altered");
			}
		}
	}

	@Test
	void aCiphertextMovedToAnotherClusterOrKindFailsClosed() {
		String stored = cipher.encrypt(SECRET, AD);
		for (String elsewhere : new String[] { "cluster:8:bootstrap-token", "cluster:7:certificate-key",
				"cluster:70:bootstrap-token", "" }) {
			assertThatExceptionOfType(SecretDecryptionException.class)
				.isThrownBy(() -> cipher.decrypt(stored, elsewhere))
				.withMessageContaining("copied from another")
				.withMessageNotContaining(SECRET);
		}
	}

	@Test
	void aCiphertextUnderAnotherKeyIsRecognisedByItsKeyId() {
		SecretCipher other = new SecretCipher(new MasterKey(new SecureRandomSource().bytes(32)),
				new SecureRandomSource());
		String stored = other.encrypt(SECRET, AD);
		String otherId = stored.split(":")[1];

		assertThatExceptionOfType(StaleMasterKeyException.class).isThrownBy(() -> cipher.decrypt(stored, AD))
			.withMessageContaining("encrypted under master key " + otherId)
			.withMessageContaining("configured master key is " + key.id())
			.withMessageNotContaining(SECRET);
	}

	/** A key whose id happens to match (one in 2^32) still cannot read it. */
	@Test
	void aWrongKeyBehindAMatchingIdFailsClosed() {
		SecretCipher other = new SecretCipher(new MasterKey(new SecureRandomSource().bytes(32)),
				new SecureRandomSource());
		String stored = other.encrypt(SECRET, AD);
		String relabelled = "v1:" + key.id() + ":" + stored.split(":")[2];

		assertThatExceptionOfType(SecretDecryptionException.class).isThrownBy(() -> cipher.decrypt(relabelled, AD))
			.withMessageContaining("does not decrypt under master key " + key.id());
	}

	@ParameterizedTest(name = "\"{0}\" is refused")
	@ValueSource(strings = { "", "abcdef.0123456789abcdef", "v2:00000000:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"v1:ABCDEF12:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "v1:1234567:AAAA", "v1::AAAA", "v1:12345678:",
			"v1:12345678:not base64!", "v1:12345678:AAAA:AAAA", " v1:12345678:AAAA" })
	void malformedTextFailsClosedWithoutQuotingIt(String malformed) {
		String text = malformed.replace("12345678", key.id());
		assertThatExceptionOfType(SecretDecryptionException.class).isThrownBy(() -> cipher.decrypt(text, AD))
			.withMessageContaining(AD)
			.satisfies((ex) -> {
				if (!text.isEmpty()) {
					assertThat(ex.getMessage()).doesNotContain(text);
				}
			});
	}

	@ParameterizedTest(name = "a payload of {0} bytes is refused")
	@ValueSource(ints = { 1, 12, 27 })
	void aPayloadTooShortForNonceAndTagFailsClosed(int length) {
		String text = "v1:" + key.id() + ":" + Base64.getEncoder().encodeToString(new byte[length]);
		assertThatExceptionOfType(SecretDecryptionException.class).isThrownBy(() -> cipher.decrypt(text, AD))
			.withMessageContaining("not a whole ciphertext");
	}

	@Test
	void aMissingValueFailsClosed() {
		assertThatExceptionOfType(SecretDecryptionException.class).isThrownBy(() -> cipher.decrypt(null, AD));
	}

	private static byte[] payload(String stored) {
		return Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
	}

}

package dev.stoker.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * AES-256-GCM under the master key. Stored text is
 * {@code v1:<key id>:<base64(nonce || ciphertext || tag)>}, with a fresh 96-bit nonce for
 * every write. The caller names what the secret belongs to (its row and kind) as
 * associated data: it is not stored, but a ciphertext only decrypts where it was written,
 * so one copied into another row or column fails as if it had been altered.
 */
@Component
class SecretCipher {

	static final String VERSION = "v1";

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final Pattern STORED = Pattern.compile("v1:([0-9a-f]{8}):([A-Za-z0-9+/]+={0,2})");

	private final MasterKey key;

	private final RandomSource random;

	public SecretCipher(MasterKey key, RandomSource random) {
		this.key = key;
		this.random = random;
	}

	public String encrypt(String plaintext, String associatedData) {
		byte[] nonce = random.bytes(NONCE_BYTES);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] payload = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
			return VERSION + ":" + key.id() + ":" + Base64.getEncoder().encodeToString(payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt the secret for " + associatedData, ex);
		}
	}

	/**
	 * Answers the plaintext, or throws {@link SecretDecryptionException}: never a value
	 * that did not come out of an authenticated decryption. A value under another master
	 * key throws {@link StaleMasterKeyException}.
	 */
	public String decrypt(String stored, String associatedData) {
		Matcher matcher = (stored != null) ? STORED.matcher(stored) : null;
		if (matcher == null || !matcher.matches()) {
			throw new SecretDecryptionException("The stored secret for " + associatedData
					+ " is not in the form v1:<key id>:<base64>; it was not written by this version of Stoker"
					+ " or was damaged");
		}
		String keyId = matcher.group(1);
		if (!keyId.equals(key.id())) {
			// the start made sure the store was under this key: another instance has
			// rotated it since
			throw new StaleMasterKeyException("The stored secret for " + associatedData
					+ " was encrypted under master key " + keyId + ", but the configured master key is " + key.id()
					+ "; configure the key it was written with (STOKER_MASTER_KEY or the master-key file)");
		}
		byte[] payload = payload(matcher.group(2));
		if (payload == null || payload.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new SecretDecryptionException(
					"The stored secret for " + associatedData + " is not a whole ciphertext; it was damaged");
		}
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, payload, 0, NONCE_BYTES));
			cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			byte[] plaintext = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new SecretDecryptionException(
					"The stored secret for " + associatedData + " does not decrypt under master key " + key.id()
							+ ": it was altered, or copied from another cluster or kind of secret");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt the secret for " + associatedData, ex);
		}
	}

	/** Null when the text is not base64 after all (a dangling character, say). */
	private static byte[] payload(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}

package dev.stoker.secrets;

/**
 * A stored secret that cannot be read: malformed, written under another master key,
 * altered, or moved from another row. Stoker fails closed rather than use it; the message
 * names the row and the key ids, never the secret or its ciphertext.
 */
class SecretDecryptionException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	SecretDecryptionException(String message) {
		super(message);
	}

}

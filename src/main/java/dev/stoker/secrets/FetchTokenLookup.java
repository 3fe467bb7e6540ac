package dev.stoker.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash a fetch token's row is found by: an HMAC-SHA256 of the token under a key
 * derived from the master key, so that a copy of the table alone cannot confirm a guessed
 * token. Another master key gives other hashes: rotating the master key recomputes every
 * one of them.
 */
final class FetchTokenLookup {

	private static final String HMAC = "HmacSHA256";

	private final SecretKeySpec key;

	FetchTokenLookup(MasterKey masterKey) {
		this(masterKey, "stoker fetch-token lookup v1");
	}

	/** A lookup keyed for another purpose: its hashes match none of the fetch tokens'. */
	FetchTokenLookup(MasterKey masterKey, String purpose) {
		this.key = new SecretKeySpec(hmac(new SecretKeySpec(masterKey.key().getEncoded(), HMAC), purpose), HMAC);
	}

	/**
	 * base64url rather than hex, so that it is never mistaken for a certificate key (64
	 * hex characters) by whoever searches logs for leaked secrets. It is not one: without
	 * the master key it confirms nothing.
	 */
	String hash(FetchToken token) {
		return hash(token.value());
	}

	String hash(String value) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, value));
	}

	private static byte[] hmac(SecretKeySpec key, String text) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}

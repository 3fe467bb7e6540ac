package dev.stoker.definition.validation;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Public keys made by the JDK, written as an authorized_keys line: the key type, then the
 * base64 of its SSH wire encoding (RFC 4253 6.6, RFC 5656 3.1, RFC 8709 4), then a
 * comment.
 */
final class OpenSshKeys {

	private OpenSshKeys() {
	}

	static String ed25519() {
		byte[] spki = generate("Ed25519", null).getEncoded();
		// the X.509 encoding of an Ed25519 key ends with the 32 bytes OpenSSH writes
		return line("ssh-ed25519", text("ssh-ed25519"), bytes(Arrays.copyOfRange(spki, spki.length - 32, spki.length)));
	}

	/** An ECDSA key on a NIST curve: secp256r1 for nistp256, secp384r1, secp521r1. */
	static String ecdsa(String jdkCurve, String sshCurve, int fieldBytes) {
		ECPublicKey key = (ECPublicKey) generate("EC", new ECGenParameterSpec(jdkCurve));
		ByteArrayOutputStream point = new ByteArrayOutputStream();
		point.write(4);
		point.writeBytes(unsigned(key.getW().getAffineX(), fieldBytes));
		point.writeBytes(unsigned(key.getW().getAffineY(), fieldBytes));
		String type = "ecdsa-sha2-" + sshCurve;
		return line(type, text(type), text(sshCurve), bytes(point.toByteArray()));
	}

	static String rsa(int bits) {
		RSAPublicKey key = (RSAPublicKey) generate("RSA", bits);
		return line("ssh-rsa", text("ssh-rsa"), mpint(key.getPublicExponent()), mpint(key.getModulus()));
	}

	/** An authorized_keys line of the given type whose blob is the given wire fields. */
	static String line(String type, byte[]... fields) {
		return type + " " + Base64.getEncoder().encodeToString(concat(fields)) + " test@stoker";
	}

	/** An SSH "string" holding text. */
	static byte[] text(String value) {
		return bytes(value.getBytes(StandardCharsets.US_ASCII));
	}

	/** An SSH "string": a 32-bit length, then the bytes. */
	static byte[] bytes(byte[] value) {
		return ByteBuffer.allocate(4 + value.length).putInt(value.length).put(value).array();
	}

	/**
	 * An SSH "mpint": two's complement, so a leading zero byte when the top bit is set.
	 */
	static byte[] mpint(BigInteger value) {
		return bytes(value.toByteArray());
	}

	static byte[] concat(byte[]... fields) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] field : fields) {
			out.writeBytes(field);
		}
		return out.toByteArray();
	}

	private static byte[] unsigned(BigInteger value, int length) {
		byte[] raw = value.toByteArray();
		byte[] fixed = new byte[length];
		int copy = Math.min(raw.length, length);
		System.arraycopy(raw, raw.length - copy, fixed, length - copy, copy);
		return fixed;
	}

	private static PublicKey generate(String algorithm, Object parameters) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
			if (parameters instanceof ECGenParameterSpec spec) {
				generator.initialize(spec);
			}
			else if (parameters instanceof Integer bits) {
				generator.initialize(bits);
			}
			return generator.generateKeyPair().getPublic();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

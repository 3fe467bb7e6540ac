package dev.stoker.serving;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.stoker.StokerProperties;

/**
 * The CA certificates nodes must trust to fetch from Stoker, from
 * {@code stoker.tls.ca-bundle}. Read and checked once at start: a file that holds no
 * certificate stops the start instead of producing pointers Ignition cannot use.
 */
@Component
public class CaBundle {

	private final byte[] pem;

	private final String digest;

	@Autowired
	CaBundle(StokerProperties properties) {
		this(properties.tls().caBundle());
	}

	CaBundle(Path file) {
		this.pem = (file != null) ? read(file) : null;
		this.digest = (pem != null) ? sha256(pem) : "";
	}

	/** The SHA-256 of the PEM bytes in hex, empty when none is configured. */
	String digest() {
		return digest;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/** The PEM bytes, when one is configured. */
	public Optional<byte[]> pem() {
		return Optional.ofNullable(pem).map(byte[]::clone);
	}

	private static byte[] read(Path file) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read stoker.tls.ca-bundle " + file.toAbsolutePath(), ex);
		}
		try {
			if (CertificateFactory.getInstance("X.509")
				.generateCertificates(new ByteArrayInputStream(bytes))
				.isEmpty()) {
				throw new IllegalStateException(
						"stoker.tls.ca-bundle " + file.toAbsolutePath() + " holds no PEM certificate");
			}
		}
		catch (CertificateException ex) {
			throw new IllegalStateException("stoker.tls.ca-bundle " + file.toAbsolutePath()
					+ " is not a PEM file of X.509 certificates: " + ex.getMessage(), ex);
		}
		return bytes;
	}

}

package dev.stoker.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The cluster's CA, as the files kubeadm reads from {@code /etc/kubernetes/pki}: the
 * certificate ({@code ca.crt}) and its PKCS#8 private key ({@code ca.key}), both PEM. The
 * certificate is public; the key signs every certificate of the cluster, so it is
 * redacted wherever it could be printed.
 */
public record ClusterCa(String certificatePem, String privateKeyPem) {

	private static final Pattern CERTIFICATE = Pattern
		.compile("-----BEGIN CERTIFICATE-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END CERTIFICATE-----\\s*");

	public ClusterCa {
		if (certificatePem == null || privateKeyPem == null) {
			throw new IllegalArgumentException("A cluster CA needs a certificate and a private key");
		}
	}

	/**
	 * The pin a joining node checks the CA against, as kubeadm's {@code caCertHashes}
	 * (and {@code --discovery-token-ca-cert-hash}) take it: {@code sha256:} and the hex
	 * SHA-256 of the certificate's DER-encoded SubjectPublicKeyInfo. It is a digest of
	 * the public key only, so it stays the same if the CA is ever re-issued with the same
	 * key.
	 */
	public String caCertHash() {
		try {
			byte[] spki = new X509CertificateHolder(certificateDer()).getSubjectPublicKeyInfo()
				.getEncoded(ASN1Encoding.DER);
			return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(spki));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The cluster CA certificate does not parse", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The certificate's DER bytes. */
	public byte[] certificateDer() {
		Matcher matcher = CERTIFICATE.matcher(certificatePem);
		if (!matcher.matches()) {
			throw new IllegalStateException("The cluster CA certificate is not a single PEM certificate");
		}
		return Base64.getMimeDecoder().decode(matcher.group(1));
	}

	@Override
	public String toString() {
		return "ClusterCa[privateKey=redacted]";
	}

}

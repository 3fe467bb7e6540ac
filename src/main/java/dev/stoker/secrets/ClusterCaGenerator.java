package dev.stoker.secrets;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes a cluster CA shaped like the one {@code kubeadm init} makes for itself: self
 * signed, {@code CN=kubernetes}, a CA for ten years.
 * <p>
 * The key is ECDSA P-256 rather than kubeadm's default RSA 2048: generating it takes
 * about a millisecond instead of a variable tenth of a second or more, which matters
 * because it happens inside the transaction that creates the cluster, and the PEM is a
 * fifth of the size in every bootstrap document. kubeadm loads an ECDSA CA key as readily
 * as an RSA one (its own {@code ECDSA-P256} encryption algorithm uses the same kind), and
 * the certificates it issues from it keep its configured algorithm.
 */
final class ClusterCaGenerator {

	static final Duration VALIDITY = Duration.ofDays(10 * 365);

	/**
	 * How far the validity starts before now, so that a node whose clock is a little
	 * behind Stoker's still accepts the CA if it boots right away.
	 */
	static final Duration BACKDATE = Duration.ofMinutes(5);

	private ClusterCaGenerator() {
	}

	/** The cluster CA, which kubeadm names {@code ca} and gives the CN kubernetes. */
	static ClusterCa generate(RandomSource random, Instant now) {
		return generate(random, now, "kubernetes");
	}

	/**
	 * A CA of this common name, with the same profile as the cluster CA: kubeadm's own
	 * CAs differ only in their CN (its certlist.go: {@code front-proxy-ca},
	 * {@code etcd-ca}), and it accepts any certificate file that is a CA ({@code IsCA},
	 * from basic constraints) with a key that loads.
	 */
	static ClusterCa generate(RandomSource random, Instant now, String commonName) {
		SecureRandom secure = random.asSecureRandom();
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"), secure);
			KeyPair keys = generator.generateKeyPair();

			X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
			// RFC 5280: a positive serial of at most 20 octets; 128 random bits
			// make it unique.
			BigInteger serial = new BigInteger(1, random.bytes(16)).add(BigInteger.ONE);
			Instant start = now.truncatedTo(ChronoUnit.SECONDS);
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
					Date.from(start.minus(BACKDATE)), Date.from(start.plus(VALIDITY)), subject, keys.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
			// kubeadm's CAs (client-go's NewSelfSignedCACert) also set keyEncipherment,
			// which RFC 5480 section 3 rules out for an EC key; certSign is what a CA
			// needs.
			builder.addExtension(Extension.keyUsage, true,
					new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
			X509CertificateHolder certificate = builder
				.build(new JcaContentSignerBuilder("SHA256withECDSA").setSecureRandom(secure).build(keys.getPrivate()));

			return new ClusterCa(pem("CERTIFICATE", certificate.getEncoded()),
					pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
		}
		catch (GeneralSecurityException | OperatorCreationException | CertIOException ex) {
			throw new IllegalStateException("Cannot generate a cluster CA", ex);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Cannot encode the cluster CA", ex);
		}
	}

	/**
	 * RFC 7468 text: base64 in lines of 64 characters, every line ending in a newline.
	 */
	static String pem(String label, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
	}

}

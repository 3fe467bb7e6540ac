package dev.stoker.secrets;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stoker.ignition.IgnitionValidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

class SecretGeneratorTest {

	private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");

	private final SecretGenerator generator = new SecretGenerator(new SecureRandomSource(),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void bootstrapTokensHaveKubeadmsFormatAndDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			String token = BootstrapToken.generate(new SecureRandomSource()).value();
			assertThat(token).matches(BootstrapToken.FORMAT);
			assertThat(seen.add(token)).as("token %d is new", i).isTrue();
		}
	}

	/**
	 * 252 is the largest multiple of 36 below 256: bytes from there up would make the
	 * first four characters likelier than the rest, so they are drawn again.
	 */
	@Test
	void bootstrapTokenCharactersAreDrawnWithoutModuloBias() {
		byte[] bytes = { (byte) 252, (byte) 255, 0, 35, 36, (byte) 251 };
		RandomSource source = new RandomSource() {
			private int next;

			@Override
			public void nextBytes(byte[] out) {
				for (int i = 0; i < out.length; i++) {
					out[i] = (next < bytes.length) ? bytes[next++] : 0;
				}
			}
		};
		assertThat(BootstrapToken.generate(source).value()).isEqualTo("a9a9aa.aaaaaaaaaaaaaaaa");
	}

	@Test
	void certificateKeysAre32RandomBytesInLowerCaseHex() {
		String key = CertificateKey.generate(new SecureRandomSource()).hex();
		assertThat(key).hasSize(64).matches("[0-9a-f]{64}");
		assertThat(HexFormat.of().parseHex(key)).hasSize(32);
		assertThat(CertificateKey.generate(new SecureRandomSource()).hex()).isNotEqualTo(key);
	}

	@Test
	void theCaIsASelfSignedKubernetesCaForTenYears() throws Exception {
		ClusterCa ca = generator.generate().ca();
		X509Certificate certificate = parse(ca.certificatePem());

		assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=kubernetes");
		assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
		certificate.verify(certificate.getPublicKey());
		assertThat(certificate.getBasicConstraints()).as("CA:true without a path length").isEqualTo(Integer.MAX_VALUE);
		// digitalSignature (0), keyCertSign (5), cRLSign (6) and nothing else
		assertThat(certificate.getKeyUsage()).containsExactly(true, false, false, false, false, true, true, false,
				false);
		assertThat(certificate.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
		assertThat(certificate.getExtensionValue("2.5.29.14")).as("subject key identifier").isNotNull();
		assertThat(certificate.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-03-01T10:10:30Z"));
		assertThat(Duration.between(NOW, certificate.getNotAfter().toInstant()))
			.isBetween(Duration.ofDays(3650).minusSeconds(1), Duration.ofDays(3650));
		assertThat(certificate.getPublicKey()).isInstanceOfSatisfying(ECPublicKey.class,
				(key) -> assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256));
		assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
		assertThat(certificate.getSerialNumber()).isPositive();
	}

	@Test
	void theCaKeyIsThePkcs8PrivateKeyOfTheCertificate() throws Exception {
		ClusterCa ca = generator.generate().ca();
		assertThat(ca.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n")
			.endsWith("\n-----END PRIVATE KEY-----\n");
		assertThat(ca.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n")
			.endsWith("\n-----END CERTIFICATE-----\n");
		assertThat(ca.privateKeyPem().lines()).allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(64));

		PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der(ca.privateKeyPem())));
		byte[] message = "signed by the CA key".getBytes(StandardCharsets.UTF_8);
		Signature signer = Signature.getInstance("SHA256withECDSA");
		signer.initSign(key);
		signer.update(message);
		Signature verifier = Signature.getInstance("SHA256withECDSA");
		verifier.initVerify(parse(ca.certificatePem()).getPublicKey());
		verifier.update(message);
		assertThat(verifier.verify(signer.sign())).isTrue();
	}

	/**
	 * The JDK encodes the public key as a SubjectPublicKeyInfo on its own, so this checks
	 * the pin by a second road.
	 */
	@Test
	void theCaCertHashIsTheSha256OfTheSubjectPublicKeyInfo() throws Exception {
		ClusterCa ca = generator.generate().ca();
		byte[] spki = parse(ca.certificatePem()).getPublicKey().getEncoded();
		assertThat(ca.caCertHash())
			.isEqualTo("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(spki)))
			.matches("sha256:[0-9a-f]{64}");
	}

	/** The pipeline kubeadm's documentation gives for computing the pin. */
	@Test
	void theCaCertHashIsWhatOpensslComputes(@TempDir Path work) throws Exception {
		boolean installed = Files.isExecutable(Path.of("/usr/bin/openssl")) || onPath("openssl");
		if (IgnitionValidate.required()) {
			// CI installs it (.ci/run): there the check must run, never skip
			assertThat(installed).as("openssl is installed").isTrue();
		}
		assumeThat(installed).as("openssl is installed").isTrue();
		ClusterCa ca = generator.generate().ca();
		Path certificate = Files.writeString(work.resolve("ca.crt"), ca.certificatePem());
		Process process = new ProcessBuilder("sh", "-c",
				"openssl x509 -in '" + certificate + "' -pubkey -noout | openssl pkey -pubin -outform der | sha256sum")
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(ca.caCertHash()).isEqualTo("sha256:" + output.split("\\s+")[0]);
	}

	@Test
	void aFixedSourceAndClockGiveTheSameSecretsEveryTime() {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		KubeadmSecrets first = new SecretGenerator(new SeededRandomSource("golden"), clock).generate();
		KubeadmSecrets second = new SecretGenerator(new SeededRandomSource("golden"), clock).generate();
		KubeadmSecrets other = new SecretGenerator(new SeededRandomSource("other"), clock).generate();

		assertThat(second).isEqualTo(first);
		assertThat(other.bootstrapToken()).isNotEqualTo(first.bootstrapToken());
		assertThat(other.ca()).isNotEqualTo(first.ca());
	}

	@Test
	void noSecretHoldingTypePrintsItsValue() {
		KubeadmSecrets secrets = generator.generate();
		ControlPlanePki pki = secrets.controlPlanePki();
		CertificateKey key = CertificateKey.generate(new SecureRandomSource());
		List<String> values = List.of(secrets.bootstrapToken().value(), secrets.bootstrapToken().secret(), key.hex(),
				body(secrets.ca().privateKeyPem()), body(pki.frontProxyCa().privateKeyPem()),
				body(pki.etcdCa().privateKeyPem()), body(pki.serviceAccount().privateKeyPem()));
		for (Object holder : List.of(secrets, secrets.bootstrapToken(), key, secrets.ca(), pki, pki.frontProxyCa(),
				pki.etcdCa(), pki.serviceAccount())) {
			assertThat(holder.toString()).contains("redacted").doesNotContain(values);
		}
	}

	@Test
	void invalidValuesAreRefusedWithoutBeingShown() {
		assertThatIllegalArgumentException().isThrownBy(() -> BootstrapToken.parse("ABCDEF.0123456789abcdef"))
			.withMessageNotContaining("ABCDEF");
		assertThatIllegalArgumentException().isThrownBy(() -> new CertificateKey("not-hex-secret"))
			.withMessageNotContaining("not-hex-secret");
	}

	static X509Certificate parse(String pem) throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
	}

	private static byte[] der(String pem) {
		return Base64.getMimeDecoder().decode(body(pem));
	}

	/** The base64 between the PEM armour lines, on one line. */
	static String body(String pem) {
		return pem.lines().filter((line) -> !line.startsWith("-----")).reduce("", String::concat);
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		return path != null
				&& Arrays.stream(path.split(":")).anyMatch((dir) -> Files.isExecutable(Path.of(dir, command)));
	}

}

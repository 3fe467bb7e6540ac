package dev.stoker.secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real openssl reads the keys a new cluster's control planes share as kubeadm will:
 * each CA is a self-signed CA of kubeadm's common name (certlist.go: kubernetes,
 * front-proxy-ca, etcd-ca) with critical basic constraints CA:TRUE and a critical key
 * usage that lets it sign certificates, each key is the private key of its certificate,
 * the service-account private key is that of sa.pub, and the cluster CA's pin is the
 * SHA-256 of its SubjectPublicKeyInfo as {@code kubeadm join} checks it.
 */
class ControlPlanePkiOpensslTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

	private static final KubeadmSecrets SECRETS = new SecretGenerator(new SeededRandomSource("openssl"), CLOCK)
		.generate();

	@TempDir
	static Path dir;

	@BeforeAll
	static void writeTheFilesAsTheDocumentsDo() throws Exception {
		ControlPlanePki pki = SECRETS.controlPlanePki();
		write("ca", SECRETS.ca());
		write("front-proxy-ca", pki.frontProxyCa());
		write("etcd-ca", pki.etcdCa());
		Files.writeString(dir.resolve("sa.key"), pki.serviceAccount().privateKeyPem());
		Files.writeString(dir.resolve("sa.pub"), pki.serviceAccount().publicKeyPem());
	}

	private static void write(String name, ClusterCa ca) throws Exception {
		Files.writeString(dir.resolve(name + ".crt"), ca.certificatePem());
		Files.writeString(dir.resolve(name + ".key"), ca.privateKeyPem());
	}

	static Stream<Arguments> cas() {
		return Stream.of(Arguments.of("ca", "kubernetes"), Arguments.of("front-proxy-ca", "front-proxy-ca"),
				Arguments.of("etcd-ca", "etcd-ca"));
	}

	@ParameterizedTest(name = "{0}: a self-signed CA named {1} that may sign certificates")
	@MethodSource("cas")
	void eachCaIsWhatKubeadmTakesForACa(String name, String commonName) throws Exception {
		String crt = dir.resolve(name + ".crt").toString();
		String text = openssl("x509", "-in", crt, "-noout", "-text");
		assertThat(text).contains("Subject: CN = " + commonName + "\n")
			.contains("Issuer: CN = " + commonName + "\n")
			.containsPattern("X509v3 Basic Constraints: critical\\s+CA:TRUE\n")
			.containsPattern("X509v3 Key Usage: critical\\s+Digital Signature, Certificate Sign, CRL Sign\n")
			.contains("ASN1 OID: prime256v1");
		assertThat(openssl("verify", "-x509_strict", "-CAfile", crt, crt)).isEqualTo(crt + ": OK\n");
	}

	@ParameterizedTest(name = "{0}: the key is the certificate's")
	@MethodSource("cas")
	void eachKeyIsItsCertificates(String name, String commonName) throws Exception {
		assertThat(openssl("pkey", "-in", dir.resolve(name + ".key").toString(), "-pubout"))
			.isEqualTo(openssl("x509", "-in", dir.resolve(name + ".crt").toString(), "-noout", "-pubkey"));
	}

	@Test
	void theServiceAccountKeysAreAPair() throws Exception {
		assertThat(openssl("pkey", "-in", dir.resolve("sa.key").toString(), "-pubout"))
			.isEqualTo(Files.readString(dir.resolve("sa.pub")));
		assertThat(openssl("pkey", "-in", dir.resolve("sa.key").toString(), "-noout", "-text"))
			.contains("ASN1 OID: prime256v1");
	}

	@Test
	void noTwoKeysAreTheSame() throws Exception {
		List<String> keys = new ArrayList<>();
		for (String name : List.of("ca.key", "front-proxy-ca.key", "etcd-ca.key", "sa.key")) {
			keys.add(Files.readString(dir.resolve(name)));
		}
		assertThat(keys).doesNotHaveDuplicates();
	}

	/**
	 * kubeadm's pin: sha256 of the DER SubjectPublicKeyInfo, as its documentation derives
	 * it with openssl x509 -pubkey | openssl pkey -pubin -outform der.
	 */
	@Test
	void theJoinPinIsTheClusterCas() throws Exception {
		Path publicKey = dir.resolve("ca.pub.pem");
		Files.writeString(publicKey, openssl("x509", "-in", dir.resolve("ca.crt").toString(), "-noout", "-pubkey"));
		Path der = dir.resolve("ca.pub.der");
		openssl("pkey", "-pubin", "-in", publicKey.toString(), "-outform", "der", "-out", der.toString());
		String pin = "sha256:"
				+ HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(der)));
		assertThat(SECRETS.ca().caCertHash()).isEqualTo(pin);
	}

	private static String openssl(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("openssl"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
		return output;
	}

}

package dev.stoker.preview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.stoker.secrets.BootstrapToken;
import dev.stoker.secrets.CertificateKey;
import dev.stoker.secrets.ClusterCa;
import dev.stoker.secrets.ControlPlanePki;
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.secrets.ServiceAccountKeys;

/**
 * The secrets previews and diffs are rendered with: fixed placeholders in the shape of a
 * cluster's real ones, so that what a definition changes shows and no secret can. The
 * bootstrap token and the certificate key keep the formats kubeadm takes; every private
 * key is a PEM block that says it was redacted; every certificate, the cluster CA's among
 * them, is one fixed certificate made for this (its key thrown away), so the CA hash
 * joining nodes pin is that of the placeholder.
 */
final class RedactedSecrets {

	static final BootstrapToken BOOTSTRAP_TOKEN = new BootstrapToken("redact", "redactedredacted");

	static final CertificateKey CERTIFICATE_KEY = new CertificateKey("0".repeat(64));

	static final String PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\nredacted\n-----END PRIVATE KEY-----\n";

	static final String PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\nredacted\n-----END PUBLIC KEY-----\n";

	/** The keeper credential control planes' documents carry. */
	static final String KEEPER_CREDENTIAL = "redacted";

	/** The report credential every machine's documents carry. */
	static final String REPORT_CREDENTIAL = "redacted";

	private static final ClusterCa CA = new ClusterCa(certificate(), PRIVATE_KEY);

	private static final KubeadmSecrets UPLOADS_CERTIFICATES = new KubeadmSecrets(BOOTSTRAP_TOKEN, CERTIFICATE_KEY, CA,
			null);

	private static final KubeadmSecrets WITH_PKI = new KubeadmSecrets(BOOTSTRAP_TOKEN, null, CA,
			new ControlPlanePki(CA, CA, new ServiceAccountKeys(PRIVATE_KEY, PUBLIC_KEY)));

	private RedactedSecrets() {
	}

	/**
	 * Placeholders for a cluster whose control planes get their shared keys from uploaded
	 * certificates (stored before Stoker generated them), or from their documents.
	 */
	static KubeadmSecrets of(boolean uploadsCertificates) {
		return uploadsCertificates ? UPLOADS_CERTIFICATES : WITH_PKI;
	}

	private static String certificate() {
		try (InputStream in = RedactedSecrets.class.getResourceAsStream("redacted-ca.crt")) {
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

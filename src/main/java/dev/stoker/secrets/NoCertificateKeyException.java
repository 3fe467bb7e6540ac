package dev.stoker.secrets;

/**
 * A certificate-key rotation asked of a cluster that has no certificate key: its control
 * planes get the shared PKI from their documents and download nothing, so there is no key
 * to replace and no upload to repeat. Nothing was rotated.
 */
public class NoCertificateKeyException extends RuntimeException {

	public NoCertificateKeyException(String cluster) {
		super("Cluster " + cluster + " has no certificate key to rotate");
	}

}

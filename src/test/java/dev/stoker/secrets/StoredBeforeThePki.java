package dev.stoker.secrets;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes a cluster created by the running application look as if it had been stored before
 * Stoker generated the control-plane PKI: its secrets row gets a certificate key,
 * encrypted under the master key and bound to its row like every value, and loses the
 * PKI, in one statement (the table's check allows nothing in between). What such a row
 * really looks like after the migration is shown by {@link StoredBeforePkiContract}.
 */
public final class StoredBeforeThePki {

	private StoredBeforeThePki() {
	}

	/** Rewrites the cluster's row under the application's master key. */
	public static void rewrite(ApplicationContext application, String cluster) {
		rewrite(application.getBean(JdbcClient.class), application.getBean(MasterKey.class), cluster);
	}

	static void rewrite(JdbcClient jdbc, MasterKey key, String cluster) {
		long id = jdbc.sql("SELECT id FROM cluster WHERE name = ?").param(cluster).query(Long.class).single();
		SecretCipher cipher = new SecretCipher(key, new SecureRandomSource());
		int updated = jdbc
			.sql("UPDATE cluster_secrets SET certificate_key = ?, front_proxy_ca_certificate = NULL,"
					+ " front_proxy_ca_key = NULL, etcd_ca_certificate = NULL, etcd_ca_key = NULL,"
					+ " service_account_key = NULL, service_account_public_key = NULL WHERE cluster_id = ?")
			.params(cipher.encrypt(CertificateKey.generate(new SecureRandomSource()).hex(),
					SecretKind.CERTIFICATE_KEY.associatedData(id)), id)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("cluster " + cluster + " has no secrets row");
		}
	}

}

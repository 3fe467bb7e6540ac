package dev.stoker;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Stoker's own settings, under the {@code stoker.} prefix. Environment variables bind
 * with Spring's relaxed rules: {@code STOKER_ADMIN_TOKEN} is {@code stoker.admin.token},
 * {@code STOKER_DATADIR} is {@code stoker.data-dir}.
 *
 * @param dataDir where Stoker keeps local state: the embedded database and the generated
 * admin token and master key files
 * @param maxRequestSize the largest request body accepted; larger ones are answered 413
 * unread
 * @param admin how operators authenticate to the admin API
 * @param master the key that encrypts stored secrets
 * @param publicUrl the URL nodes reach Stoker at (e.g.
 * {@code https://stoker.example.com}), written into user-data pointers; when unset, the
 * URL of the request that asked for the pointer
 * @param tls what nodes need to trust Stoker's TLS certificate
 * @param userData how user-data pointers are served
 */
@ConfigurationProperties("stoker")
public record StokerProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("1MB") DataSize maxRequestSize,
		@DefaultValue Admin admin, @DefaultValue Master master, URI publicUrl, @DefaultValue Tls tls,
		@DefaultValue UserData userData) {

	/**
	 * How to set {@code publicUrl}, for every message that asks for it: it follows "set"
	 * at the start of a clause.
	 */
	public static final String PUBLIC_URL_TO_SET = "stoker.public-url (environment variable STOKER_PUBLICURL) to the "
			+ "https URL machines reach Stoker at, such as https://stoker.example.com";

	/**
	 * @param caBundle a PEM file of the CA certificates that sign Stoker's TLS
	 * certificate, when nodes do not trust it already: user-data pointers carry it inline
	 */
	public record Tls(Path caBundle) {

	}

	/**
	 * @param allowLoopback serve pointers whose URL names a loopback or unspecified
	 * address (localhost, 127.0.0.1, ::1, 0.0.0.0, ::), for tests on one machine: a
	 * machine booted with one would fetch from itself
	 */
	public record UserData(boolean allowLoopback) {

	}

	/**
	 * @param token the admin bearer token; when unset, one is generated at first start
	 * into {@code <data-dir>/admin-token} (mode 0600) and read from there afterwards
	 */
	public record Admin(String token) {

		@Override
		public String toString() {
			return "Admin[token=" + (token == null ? "unset" : "set") + "]";
		}

	}

	/**
	 * @param key the master key, base64 of 32 random bytes ({@code openssl rand -base64
	 * 32}); when unset, one is generated at first start into
	 * {@code <data-dir>/master-key} (mode 0600) and read from there afterwards. Every
	 * stored secret is encrypted under it: without it they cannot be read.
	 * @param previousKey the key the store was encrypted under before {@code key}, set
	 * only to rotate the master key: a start that finds the store under it re-encrypts
	 * every secret under {@code key}. Ignored (and may be removed) once the store is
	 * under {@code key}.
	 */
	public record Master(String key, String previousKey) {

		@Override
		public String toString() {
			return "Master[key=" + state(key) + ", previousKey=" + state(previousKey) + "]";
		}

		private static String state(String value) {
			return (value == null) ? "unset" : "set";
		}

	}

}

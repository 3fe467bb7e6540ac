package dev.stoker;

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
 * admin token file
 * @param maxRequestSize the largest request body accepted; larger ones are answered 413
 * unread
 * @param admin how operators authenticate to the admin API
 */
@ConfigurationProperties("stoker")
public record StokerProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("1MB") DataSize maxRequestSize,
		@DefaultValue Admin admin) {

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

}

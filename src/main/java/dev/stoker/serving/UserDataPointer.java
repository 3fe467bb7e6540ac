package dev.stoker.serving;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.stoker.ignition.DataUrl;
import dev.stoker.ignition.IgnitionConfig;
import dev.stoker.ignition.IgnitionConfig.ConfigReferences;
import dev.stoker.ignition.IgnitionConfig.HttpHeader;
import dev.stoker.ignition.IgnitionConfig.Ignition;
import dev.stoker.ignition.IgnitionConfig.Resource;
import dev.stoker.ignition.IgnitionConfig.Security;
import dev.stoker.ignition.IgnitionConfig.Tls;
import dev.stoker.ignition.IgnitionConfig.Verification;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.secrets.FetchToken;

/**
 * The small Ignition config that goes into EC2 user data: it replaces itself with the
 * document at {@code source}, fetched with the group's fetch token in the Authorization
 * header (Ignition sends {@code httpHeaders} with the request and logs only the URL).
 * Spec 3.3.0, which Ignition reads from 2.11.0 on, and so every Flatcar release from
 * 3185.0.0 (Ignition 2.13.0) on: see Booting nodes, "Flatcar releases".
 */
final class UserDataPointer {

	/** EC2 takes at most 16 KB of user data, counted before base64. */
	static final int EC2_LIMIT = 16 * 1024;

	static final String VERSION = "3.3.0";

	private UserDataPointer() {
	}

	/**
	 * @param served the exact bytes {@code source} answers, to pin with a sha512 hash;
	 * empty to fetch whatever it answers at boot
	 */
	static String write(URI source, FetchToken token, Optional<byte[]> caBundle, Optional<String> served) {
		Verification verification = served.map((body) -> new Verification("sha512-" + sha512(body))).orElse(null);
		Resource replace = new Resource(null, List.of(new HttpHeader("Authorization", "Bearer " + token.value())),
				source.toString(), verification);
		Security security = caBundle.map((pem) -> {
			DataUrl.Encoded encoded = DataUrl.encode(pem, null);
			return new Security(new Tls(List.of(new Resource(encoded.compression(), null, encoded.source(), null))));
		}).orElse(null);
		return IgnitionJson.write(new IgnitionConfig(
				new Ignition(new ConfigReferences(null, replace), null, security, null, VERSION), null, null, null));
	}

	static String sha512(String body) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-512").digest(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

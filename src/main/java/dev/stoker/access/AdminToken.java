package dev.stoker.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.stoker.StokerProperties;

/**
 * The admin bearer token. It comes from {@code stoker.admin.token} (STOKER_ADMIN_TOKEN)
 * or, when that is unset, from {@code <data-dir>/admin-token}, generated with mode 0600
 * at first start. Only its SHA-256 digest is kept in memory, and a presented token is
 * compared digest to digest in constant time.
 */
@Component
public class AdminToken {

	static final String FILE_NAME = "admin-token";

	private static final int MIN_LENGTH = 16;

	private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

	private final byte[] digest;

	public AdminToken(StokerProperties properties) {
		String configured = properties.admin().token();
		if (configured != null && !configured.isBlank()) {
			if (configured.strip().length() < MIN_LENGTH) {
				throw new IllegalStateException(
						"stoker.admin.token (STOKER_ADMIN_TOKEN) must be at least " + MIN_LENGTH + " characters long");
			}
			this.digest = sha256(configured.strip());
		}
		else {
			this.digest = sha256(fromFile(properties.dataDir().resolve(FILE_NAME)));
		}
	}

	public boolean matches(String presented) {
		return presented != null && MessageDigest.isEqual(digest, sha256(presented));
	}

	private static String fromFile(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			try {
				Files.createFile(file, PosixFilePermissions
					.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
				Files.writeString(file, generate() + "\n", StandardCharsets.US_ASCII);
				log.info("Generated an admin token into {} (mode 0600); send it as 'Authorization: Bearer <token>'",
						file.toAbsolutePath());
			}
			catch (FileAlreadyExistsException ex) {
				log.info("Using the admin token in {}", file.toAbsolutePath());
			}
			String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
			if (token.length() < MIN_LENGTH) {
				throw new IllegalStateException("The admin token file " + file.toAbsolutePath() + " holds fewer than "
						+ MIN_LENGTH + " characters; delete it to have a new token generated");
			}
			return token;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the admin token file " + file.toAbsolutePath(), ex);
		}
	}

	private static String generate() {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return "stk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	private static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

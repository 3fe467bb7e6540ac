package dev.stoker.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.stoker.StokerProperties;

/**
 * The AES-256 key every stored secret is encrypted under. It comes from
 * {@code stoker.master.key} (STOKER_MASTER_KEY) or, when that is unset, from
 * {@code <data-dir>/master-key}, generated with mode 0600 at first start. A key that is
 * not base64 of exactly 32 bytes stops the start; no message ever shows it.
 * <p>
 * Its id, the first 8 hex characters of the key's SHA-256, is written next to every
 * ciphertext, so that a secret written under another key is recognised as such.
 * <p>
 * To rotate it, {@code stoker.master.previous-key} names the key the store was under:
 * only the start reads that one, to re-encrypt the store (see {@link StoredMasterKey}).
 */
@Component
class MasterKey {

	static final String FILE_NAME = "master-key";

	static final int LENGTH = 32;

	private static final String SETTING = "stoker.master.key (STOKER_MASTER_KEY)";

	static final String PREVIOUS_SETTING = "stoker.master.previous-key (STOKER_MASTER_PREVIOUSKEY)";

	private static final String EXPECTED = "the base64 encoding of exactly " + LENGTH
			+ " random bytes, e.g. from 'openssl rand -base64 32'";

	private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

	private final SecretKey key;

	private final String id;

	@Autowired
	public MasterKey(StokerProperties properties) {
		this(fromSettings(properties));
	}

	MasterKey(byte[] key) {
		if (key.length != LENGTH) {
			throw new IllegalArgumentException("A master key is " + LENGTH + " bytes, not " + key.length);
		}
		this.key = new SecretKeySpec(key, "AES");
		this.id = idOf(key);
	}

	/**
	 * Names the key in stored text without giving it away: 32 bits of its SHA-256. An
	 * operator can compute it with
	 * {@code base64 -d <<< "$STOKER_MASTER_KEY" | sha256sum | cut -c1-8}.
	 */
	public String id() {
		return id;
	}

	SecretKey key() {
		return key;
	}

	@Override
	public String toString() {
		return "MasterKey[id=" + id + ", key=redacted]";
	}

	/**
	 * The key the store was under before the configured one, when the operator rotates
	 * it; never read from a file.
	 */
	static Optional<MasterKey> previous(StokerProperties properties) {
		String configured = properties.master().previousKey();
		if (configured == null || configured.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new MasterKey(decode(configured, PREVIOUS_SETTING)));
	}

	private static byte[] fromSettings(StokerProperties properties) {
		String configured = properties.master().key();
		if (configured != null && !configured.isBlank()) {
			return decode(configured, SETTING);
		}
		return fromFile(properties.dataDir().resolve(FILE_NAME));
	}

	private static byte[] fromFile(Path file) {
		Path path = file.toAbsolutePath();
		try {
			Files.createDirectories(path.getParent());
			try {
				create(path);
				log.info("Generated a master key into {} (mode 0600). Every stored secret is encrypted under it: "
						+ "back it up, or set STOKER_MASTER_KEY instead", path);
			}
			catch (FileAlreadyExistsException ex) {
				log.info("Using the master key in {}", path);
			}
			return decode(Files.readString(path, StandardCharsets.US_ASCII), "The master key file " + path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the master key file " + path, ex);
		}
	}

	/**
	 * Creates the file only if it does not exist, owner-only from the start, and forces
	 * the key to disk before it is used: a key lost after secrets were written under it
	 * loses them.
	 */
	private static void create(Path file) throws IOException {
		byte[] key = new byte[LENGTH];
		new SecureRandom().nextBytes(key);
		byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
		try (FileChannel channel = FileChannel.open(file,
				Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), PosixFilePermissions
					.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))) {
			channel.write(ByteBuffer.wrap(text));
			channel.force(true);
		}
		finally {
			Arrays.fill(key, (byte) 0);
			Arrays.fill(text, (byte) 0);
		}
	}

	/**
	 * The decoder's own message is not passed on: it quotes the offending character.
	 */
	private static byte[] decode(String text, String source) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(source + " is not valid base64; it must be " + EXPECTED);
		}
		if (key.length != LENGTH) {
			throw new IllegalStateException(source + " decodes to " + key.length + " bytes; it must be " + EXPECTED
					+ " (the value is not shown)");
		}
		return key;
	}

	private static String idOf(byte[] key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package dev.stoker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Stops the start, before any bean is made, when the data directory is needed but cannot
 * be written. The embedded database would otherwise open read-only and every write would
 * fail at request time, and a generated admin token or master key could not be kept.
 * <p>
 * It writes, forces to disk and removes a probe file rather than reading permission bits:
 * those say nothing about a read-only mount, a full disk, or a process running as root.
 * Registered in {@code META-INF/spring.factories}.
 */
public class WritableDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String SETTING = "stoker.data-dir (STOKER_DATADIR)";

	private static final String PROBE = ".stoker-write-probe";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		if (!needed(environment)) {
			return;
		}
		check(Path.of(environment.getProperty("stoker.data-dir", "./data")).toAbsolutePath());
	}

	/**
	 * Needed for the embedded database, or for a generated admin token or master key;
	 * with PostgreSQL and both of them set, nothing is kept there.
	 */
	static boolean needed(Environment environment) {
		String url = environment.getProperty("spring.datasource.url", "");
		return url.startsWith("jdbc:h2:file:") || isBlank(environment.getProperty("stoker.admin.token"))
				|| isBlank(environment.getProperty("stoker.master.key"));
	}

	static void check(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The data directory " + directory + " (" + SETTING + ") cannot be created"
					+ (Files.exists(directory) ? ": a file of that name is in the way" : "") + " ("
					+ ex.getClass().getSimpleName() + "). Point " + SETTING + " at a writable directory.");
		}
		try {
			probe(directory);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The data directory " + directory + " (" + SETTING + ") cannot be written ("
					+ ex.getClass().getSimpleName() + "): the embedded database and the "
					+ "generated admin token and master key are kept there. Make it writable by this process (a "
					+ "volume that is not mounted read-only, with free space), or point " + SETTING + " elsewhere.");
		}
	}

	/**
	 * Writes, forces to disk and removes a probe file in {@code directory}: throws what
	 * the file system answers when it takes no write now (no space left, read-only).
	 */
	public static void probe(Path directory) throws IOException {
		try (FileChannel channel = FileChannel.open(directory.resolve(PROBE), EnumSet.of(StandardOpenOption.CREATE,
				StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.DELETE_ON_CLOSE))) {
			channel.write(ByteBuffer.wrap(new byte[] { 1 }));
			channel.force(true);
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}

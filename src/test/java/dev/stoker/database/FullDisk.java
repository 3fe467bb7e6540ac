package dev.stoker.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system over the real one whose disk can be made full: while it is, every
 * write and force of an open file fails as the kernel answers on a full volume
 * ({@code ENOSPC}, "No space left on device"), and reads and truncations still work. H2
 * picks the file system by the prefix of the database name ({@code FilePath.get}), so a
 * database at {@code jdbc:h2:fulldisk:/some/dir/name} goes through it with every other
 * setting as in production. One disk per JVM: a test that fills it frees it again.
 * Public, as H2 makes an instance per path by reflection.
 */
public final class FullDisk extends FilePathWrapper {

	private static final String SCHEME = "fulldisk";

	private static final AtomicBoolean full = new AtomicBoolean();

	static {
		FilePath.register(new FullDisk());
	}

	/** The URL of an H2 file database at {@code directory/name} on this disk. */
	static String url(Path directory, String name, String settings) {
		return "jdbc:h2:" + SCHEME + ":" + directory.toAbsolutePath().resolve(name) + settings;
	}

	static void fill() {
		full.set(true);
	}

	static void free() {
		full.set(false);
	}

	/**
	 * What {@link DataDirectoryVolume} does on a real disk, on this one: a file written,
	 * forced and removed.
	 */
	static boolean takesWrites(Path directory) {
		FilePath probe = FilePath.get(SCHEME + ":" + directory.toAbsolutePath().resolve(".write-probe"));
		try (FileChannel channel = probe.open("rw")) {
			channel.write(ByteBuffer.wrap(new byte[] { 1 }), 0);
			channel.force(true);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		finally {
			probe.delete();
		}
	}

	@Override
	public String getScheme() {
		return SCHEME;
	}

	@Override
	public FileChannel open(String mode) throws IOException {
		return new Channel(getBase().open(mode));
	}

	private static void spaceLeft() throws IOException {
		if (full.get()) {
			throw new IOException("No space left on device");
		}
	}

	private static final class Channel extends FileBase {

		private final FileChannel file;

		Channel(FileChannel file) {
			this.file = file;
		}

		@Override
		protected void implCloseChannel() throws IOException {
			file.close();
		}

		@Override
		public long position() throws IOException {
			return file.position();
		}

		@Override
		public FileChannel position(long position) throws IOException {
			file.position(position);
			return this;
		}

		@Override
		public long size() throws IOException {
			return file.size();
		}

		@Override
		public int read(ByteBuffer dst) throws IOException {
			return file.read(dst);
		}

		@Override
		public int read(ByteBuffer dst, long position) throws IOException {
			return file.read(dst, position);
		}

		@Override
		public int write(ByteBuffer src) throws IOException {
			spaceLeft();
			return file.write(src);
		}

		@Override
		public int write(ByteBuffer src, long position) throws IOException {
			spaceLeft();
			return file.write(src, position);
		}

		/** Shrinking a file takes no space. */
		@Override
		public FileChannel truncate(long size) throws IOException {
			file.truncate(size);
			return this;
		}

		@Override
		public void force(boolean metaData) throws IOException {
			spaceLeft();
			file.force(metaData);
		}

		@Override
		public FileLock tryLock(long position, long size, boolean shared) throws IOException {
			return file.tryLock(position, size, shared);
		}

	}

}

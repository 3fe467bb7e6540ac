package dev.stoker.ignition;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Inline contents as an RFC 2397 data URL, chosen as Butane chooses: the shortest of
 * percent-escaped text ({@code data:,…}), base64 ({@code data:;base64,…}), and gzip then
 * base64 (which also costs the four characters of {@code "gzip"} in the compression
 * field). Contents the user already compressed are never compressed again.
 * <p>
 * The gzip member is built here, not by {@link java.util.zip.GZIPOutputStream}, so its
 * header is fixed: no file name, modification time 0, "maximum compression", OS "unknown"
 * (the bytes Go's gzip writes at that level). The same contents give the same URL on
 * every run and every JDK with the same zlib.
 * <p>
 * When butane compresses (its {@code base/util/url.go}, {@code MakeDataURL}): whenever
 * the gzip form plus the four characters of {@code "gzip"} is shorter than the other two;
 * there is no size threshold, and only its Go API ({@code NoResourceAutoCompression})
 * turns it off, not its command line. The rule here is the same. The deflate stream is
 * not: Go's {@code compress/flate} and zlib make different, equally valid streams (Go's
 * ends with an empty stored block), so the base64 of compressed contents differs from
 * butane's, and near the break-even point the two may choose differently. For Ignition it
 * is the same file: it decodes the data URL and decompresses by the compression field,
 * and a verification hash is over the decompressed contents (butane's docs say so), so
 * the node gets the same bytes either way.
 */
public final class DataUrl {

	private static final String GZIP = "gzip";

	private static final byte[] GZIP_HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, (byte) 0xff };

	private DataUrl() {
	}

	/**
	 * The data URL for the contents and the compression field to go with it.
	 * @param contents the bytes the file must hold (or, when {@code compression} is set,
	 * the compressed bytes)
	 * @param compression the compression the user declared, or {@code null} or empty
	 * @return the source and the compression to write: the user's one, {@code gzip} when
	 * compressed here, else {@code ""} (explicitly uncompressed, so a merged child config
	 * cannot inherit a parent's setting)
	 */
	public static Encoded encode(byte[] contents, String compression) {
		boolean precompressed = compression != null && !compression.isEmpty();
		String opaque = "," + escape(contents);
		String base64 = ";base64," + Base64.getEncoder().encodeToString(contents);
		if (base64.length() < opaque.length()) {
			opaque = base64;
		}
		String chosenCompression = precompressed ? compression : "";
		if (!precompressed) {
			String gzipped = ";base64," + Base64.getEncoder().encodeToString(gzip(contents));
			if (gzipped.length() + GZIP.length() < opaque.length()) {
				opaque = gzipped;
				chosenCompression = GZIP;
			}
		}
		return new Encoded("data:" + opaque, chosenCompression);
	}

	/**
	 * Percent-escapes every byte but RFC 2396's unreserved characters, hex in upper case
	 * (a space is {@code %20}, never {@code +}).
	 */
	static String escape(byte[] contents) {
		StringBuilder escaped = new StringBuilder(contents.length);
		for (byte b : contents) {
			int c = b & 0xff;
			if (unreserved(c)) {
				escaped.append((char) c);
			}
			else {
				escaped.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return escaped.toString();
	}

	private static boolean unreserved(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "-_.!~*'()".indexOf(c) >= 0;
	}

	static byte[] gzip(byte[] contents) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(contents.length / 2 + 32);
		out.writeBytes(GZIP_HEADER);
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		try {
			deflater.setInput(contents);
			deflater.finish();
			byte[] buffer = new byte[8192];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
		}
		finally {
			deflater.end();
		}
		CRC32 crc = new CRC32();
		crc.update(contents);
		writeLittleEndian(out, crc.getValue());
		writeLittleEndian(out, contents.length);
		return out.toByteArray();
	}

	private static void writeLittleEndian(ByteArrayOutputStream out, long value) {
		for (int shift = 0; shift < 32; shift += 8) {
			out.write((int) (value >>> shift) & 0xff);
		}
	}

	/** A data URL and the compression field that goes with it. */
	public record Encoded(String source, String compression) {
	}

}

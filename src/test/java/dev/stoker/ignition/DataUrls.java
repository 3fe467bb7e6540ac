package dev.stoker.ignition;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Reads a data URL back the way Ignition does, for tests: the bytes it stands for and,
 * with {@code compression: gzip}, the bytes after gunzip.
 */
public final class DataUrls {

	private DataUrls() {
	}

	public static byte[] contents(IgnitionConfig.Resource resource) {
		byte[] decoded = decode(resource.source());
		return "gzip".equals(resource.compression()) ? gunzip(decoded) : decoded;
	}

	public static byte[] decode(String url) {
		if (!url.startsWith("data:")) {
			throw new IllegalArgumentException("not a data URL: " + url);
		}
		int comma = url.indexOf(',');
		String meta = url.substring("data:".length(), comma);
		String data = url.substring(comma + 1);
		if (meta.endsWith(";base64")) {
			return Base64.getDecoder().decode(data);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < data.length(); i++) {
			char c = data.charAt(i);
			if (c == '%') {
				out.write(HexFormat.fromHexDigits(data, i + 1, i + 3));
				i += 2;
			}
			else {
				out.write(c);
			}
		}
		return out.toByteArray();
	}

	public static byte[] gunzip(byte[] gzipped) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package dev.stoker.serving;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A rendered document, audited and about to be served.
 * <p>
 * Kept as the bytes that go on the wire: a node document's are the render cache's own
 * array, so a fetch copies nothing before the socket write. Never written to.
 *
 * @param utf8 the exact bytes served, UTF-8
 * @param warnings what will fail for the node that boots with it, one line each (the
 * {@code Stoker-Warning} header)
 */
public record ServedDocument(byte[] utf8, List<String> warnings) {

	/** A document served from its text. */
	public ServedDocument(String body, List<String> warnings) {
		this(body.getBytes(StandardCharsets.UTF_8), warnings);
	}

	/** The exact text served. */
	public String body() {
		return new String(utf8, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "ServedDocument[" + utf8.length + " bytes, warnings=" + warnings + "]";
	}

}

package dev.stoker.render;

import java.util.List;

/**
 * A rendered document, audited and about to be served.
 *
 * @param body the exact text served
 * @param revision the cluster revision it was made from
 * @param warnings what will fail for the node that boots with it, one line each (the
 * {@code Stoker-Warning} header)
 */
public record ServedDocument(String body, long revision, List<String> warnings) {

	@Override
	public String toString() {
		return "ServedDocument[revision=" + revision + ", " + body.length() + " characters, warnings=" + warnings + "]";
	}

}

package dev.stoker.serving;

import java.util.List;

/**
 * A rendered document, audited and about to be served.
 *
 * @param body the exact text served
 * @param warnings what will fail for the node that boots with it, one line each (the
 * {@code Stoker-Warning} header)
 */
public record ServedDocument(String body, List<String> warnings) {

	@Override
	public String toString() {
		return "ServedDocument[" + body.length() + " characters, warnings=" + warnings + "]";
	}

}

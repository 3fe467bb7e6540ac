package dev.stoker.serving;

import java.util.ArrayList;
import java.util.List;

/**
 * What a document request is answered with, made once for both ways a document leaves:
 * the serving filter's GET and the controller's (HEAD, and a GET the filter passes on).
 * The headers come from here alone, so the two cannot drift.
 *
 * @param mediaType the {@code Content-Type}
 * @param body the document's UTF-8 bytes, the served document's own array: never written
 * to
 * @param warnings the {@code Stoker-Warning} lines
 */
record DocumentAnswer(String mediaType, byte[] body, List<String> warnings) {

	static DocumentAnswer of(DocumentFormat format, ServedDocument document) {
		byte[] body = document.utf8();
		List<String> warnings = document.warnings();
		if (format == DocumentFormat.IGNITION && body.length > UserDataPointer.EC2_LIMIT) {
			warnings = new ArrayList<>(warnings);
			warnings.add("The document is " + body.length + " bytes, over EC2's user-data limit of "
					+ UserDataPointer.EC2_LIMIT
					+ " bytes: put the user-data pointer (GET .../user-data) in user data instead.");
		}
		return new DocumentAnswer(format.mediaType(), body, List.copyOf(warnings));
	}

	/** The {@code Stoker-Document-Size} header: the body's length in bytes. */
	String size() {
		return Integer.toString(body.length);
	}

	@Override
	public String toString() {
		return "DocumentAnswer[" + mediaType + ", " + body.length + " bytes, warnings=" + warnings + "]";
	}

}

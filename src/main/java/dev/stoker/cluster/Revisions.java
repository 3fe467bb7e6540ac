package dev.stoker.cluster;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;

import dev.stoker.problem.FieldError;
import dev.stoker.problem.InvalidRequestException;

/**
 * A cluster's revision as an HTTP entity tag, and the If-Match precondition (RFC 9110
 * 13.1.1) that names the revisions a write may apply to. If-Match uses strong comparison,
 * so a weak tag never matches.
 */
public record Revisions(boolean any, Set<Long> revisions) {

	/** A strong tag of digits, or a weak tag (W/"..."), or "*" between commas. */
	private static final Pattern TAG = Pattern.compile("\\s*(?:(\\*)|(W/)?\"([^\"]*)\")\\s*(?:,|$)");

	private static final String REVISION = "[1-9][0-9]{0,17}";

	/** No If-Match header: the write applies to whatever revision is current. */
	public static final Revisions UNCONDITIONAL = new Revisions(true, Set.of());

	public static String etag(long revision) {
		return "\"" + revision + "\"";
	}

	/**
	 * Parses an If-Match header; absent means unconditional. One that is not a list of
	 * entity tags (nor *) is refused with 400 rather than read as matching nothing: a 412
	 * would send the client to read the revision again, which it had right, when what is
	 * wrong is the quotes (RFC 9110 8.8.3: an entity tag is quoted).
	 */
	public static Revisions ifMatch(String header) {
		if (header == null) {
			return UNCONDITIONAL;
		}
		Set<Long> revisions = new HashSet<>();
		Matcher m = TAG.matcher(header);
		int end = 0;
		while (end < header.length() && m.find(end) && m.start() == end) {
			if (m.group(1) != null) {
				return UNCONDITIONAL;
			}
			if (m.group(2) == null && m.group(3).matches(REVISION)) {
				revisions.add(Long.parseLong(m.group(3)));
			}
			end = m.end();
		}
		if (end < header.length() || header.isBlank()) {
			throw malformed(header);
		}
		return new Revisions(false, Set.copyOf(revisions));
	}

	/**
	 * Shows the form to send. A bare revision number is shown back quoted, as the number
	 * it parses to (digits only: nothing else of the header can come back); anything else
	 * gets the general form.
	 */
	private static InvalidRequestException malformed(String header) {
		String form = header.strip().matches(REVISION) ? "send If-Match: " + etag(Long.parseLong(header.strip())) + "."
				: "send If-Match: \"<revision>\", such as If-Match: \"3\" for revision 3, or If-Match: * for any.";
		return new InvalidRequestException(
				"If-Match takes entity tags in double quotes, exactly as the ETag header answers them: " + form,
				List.of(new FieldError(HttpHeaders.IF_MATCH,
						"must be entity tags in double quotes, as ETag answers them, or *")));
	}

	public boolean matches(long revision) {
		return any || revisions.contains(revision);
	}

}

package dev.stoker.cluster;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cluster's revision as an HTTP entity tag, and the If-Match precondition (RFC 9110
 * 13.1.1) that names the revisions a write may apply to. If-Match uses strong comparison,
 * so a weak tag never matches.
 */
public record Revisions(boolean any, Set<Long> revisions) {

	/** A strong tag of digits, or a weak tag (W/"..."), or "*" between commas. */
	private static final Pattern TAG = Pattern.compile("\\s*(?:(\\*)|(W/)?\"([^\"]*)\")\\s*(?:,|$)");

	/** No If-Match header: the write applies to whatever revision is current. */
	public static final Revisions UNCONDITIONAL = new Revisions(true, Set.of());

	public static String etag(long revision) {
		return "\"" + revision + "\"";
	}

	/**
	 * Parses an If-Match header; absent means unconditional, and a malformed one matches
	 * nothing.
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
			if (m.group(2) == null && m.group(3).matches("[1-9][0-9]{0,17}")) {
				revisions.add(Long.parseLong(m.group(3)));
			}
			end = m.end();
		}
		return new Revisions(false, Set.copyOf(revisions));
	}

	public boolean matches(long revision) {
		return any || revisions.contains(revision);
	}

}

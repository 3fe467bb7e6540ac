package dev.stoker.butane;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stoker.butane.ButaneConfig.HttpHeader;
import dev.stoker.butane.ButaneConfig.Resource;

/**
 * Ignition's {@code Resource.Validate}, {@code Verification.Validate},
 * {@code HTTPHeader.Validate} and {@code validateURL} (config/v3_3/types and v3_4/types),
 * applied to a Butane resource: inline contents count as a {@code data:} source, since
 * butane turns them into one before Ignition's checks run.
 */
final class Resources {

	private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):(.*)$", Pattern.DOTALL);

	private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]*");

	private Resources() {
	}

	static boolean hasSource(Resource resource) {
		return resource != null && (resource.inline() != null || !Findings.isEmpty(resource.source()));
	}

	/**
	 * @param sourceRequired for configs to merge or replace and CA bundles, which
	 * Ignition's {@code validateRequiredSource} holds to having contents
	 */
	static void check(String at, Resource resource, boolean spec110, boolean sourceRequired, Findings findings) {
		if (sourceRequired && !hasSource(resource)) {
			findings.add(at, "needs contents: set inline or source");
		}
		if (resource.compression() != null && !resource.compression().isEmpty()
				&& !"gzip".equals(resource.compression())) {
			findings.add(at + "/compression", "must be gzip, for contents that are gzip-compressed, or left out");
		}
		if (resource.verification() != null && resource.verification().hash() != null) {
			if (!hasSource(resource)) {
				findings.add(at + "/verification/hash",
						"has no contents to check: set inline or source, or remove the verification");
			}
			String problem = hashProblem(resource.verification().hash());
			if (problem != null) {
				findings.add(at + "/verification/hash", problem);
			}
		}
		if (resource.source() != null && !resource.source().isEmpty()) {
			String problem = urlProblem(resource.source(), spec110);
			if (problem != null) {
				findings.add(at + "/source", problem);
			}
		}
		List<HttpHeader> headers = Findings.orEmpty(resource.httpHeaders());
		if (!headers.isEmpty()) {
			String scheme = (resource.source() != null) ? scheme(resource.source()) : null;
			if (!"http".equals(scheme) && !"https".equals(scheme)) {
				findings.add(at + "/http_headers",
						"are only sent when fetching an http or https source: remove them or fetch from http(s)");
			}
			for (int i = 0; i < headers.size(); i++) {
				HttpHeader header = headers.get(i);
				if (Findings.isEmpty(header.name())) {
					findings.add(at + "/http_headers/" + i + "/name", "is required");
				}
				if (header.value() != null && header.value().isEmpty()) {
					findings.add(at + "/http_headers/" + i + "/value",
							"must not be empty: give a value or leave it out");
				}
			}
			findings.duplicates(at + "/http_headers", headers, HttpHeader::name,
					"repeats the name of an earlier header: give each header once");
		}
	}

	/** The key Ignition's duplicate check gives a resource: its (data URL) source. */
	static String key(Resource resource) {
		if (resource.inline() != null) {
			return "inline:" + resource.inline();
		}
		return (resource.source() != null) ? "source:" + resource.source() : "";
	}

	private static String hashProblem(String hash) {
		int dash = hash.indexOf('-');
		if (dash < 0) {
			return "must be the hash function, a dash and the hex digest: sha512-<128 hex digits> or sha256-<64 hex digits>";
		}
		String function = hash.substring(0, dash);
		String sum = hash.substring(dash + 1);
		int size;
		if ("sha512".equals(function)) {
			size = 128;
		}
		else if ("sha256".equals(function)) {
			size = 64;
		}
		else {
			return "must use sha512 or sha256, the hash functions Ignition knows";
		}
		if (sum.length() != size) {
			return "has the wrong length: a sha256 digest is 64 hex digits, a sha512 digest 128";
		}
		// Ignition checks the length only; a non-hex digest fails on the node instead
		return HEX.matcher(sum).matches() ? null : "must be hex digits after the dash";
	}

	static String scheme(String url) {
		Matcher matcher = SCHEME.matcher(url);
		return matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * Ignition's {@code validateURL}: the schemes it fetches, arn (S3) from spec 3.4.0.
	 */
	static String urlProblem(String url, boolean spec110) {
		if (url.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			return "is not a URL: it holds a control character";
		}
		String scheme = scheme(url);
		String schemes = spec110 ? "http, https, tftp, s3, arn (an S3 ARN), gs or data"
				: "http, https, tftp, s3, gs or data";
		if (scheme == null) {
			return "must be a URL with a scheme: " + schemes;
		}
		switch (scheme) {
			case "http", "https", "tftp", "gs", "s3":
				return null;
			case "arn":
				return !spec110 ? "must be a URL with a scheme Butane flatcar 1.0.0 knows: " + schemes
						+ "; S3 ARNs need version 1.1.0" : arnProblem(url);
			case "data":
				return dataProblem(url);
			default:
				return "must be a URL with a scheme Ignition fetches: " + schemes;
		}
	}

	private static String arnProblem(String url) {
		// arn:partition:service:region:account-id:resource, an S3 object or access point
		String[] parts = url.split(":", 6);
		if (parts.length < 6 || !"s3".equals(parts[2]) || !parts[5].contains("/")
				|| (parts[5].startsWith("accesspoint/") && parts[5].split("/", -1).length < 3)) {
			return "must be an S3 object ARN (arn:aws:s3:::bucket/key) or access point ARN";
		}
		return null;
	}

	private static String dataProblem(String url) {
		int comma = url.indexOf(',');
		if (comma < 0) {
			return "must be a data URL with a comma before its data: data:,text or data:;base64,...";
		}
		String header = url.substring("data:".length(), comma);
		if (header.endsWith(";base64")) {
			try {
				Base64.getDecoder().decode(url.substring(comma + 1));
			}
			catch (IllegalArgumentException ex) {
				return "must hold valid base64 after ;base64,";
			}
		}
		return null;
	}

}

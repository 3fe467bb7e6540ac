package dev.stoker.serving;

import java.util.Arrays;
import java.util.Optional;

import dev.stoker.ignition.IgnitionJson;

/**
 * The documents a node's machines can be given, and how each is served. A closed set, so
 * that it can tag a meter.
 */
public enum DocumentFormat {

	BUTANE(DocumentRoutes.BUTANE, "application/yaml"), IGNITION(DocumentRoutes.IGNITION, IgnitionJson.MEDIA_TYPE),
	KUBEADM(DocumentRoutes.KUBEADM, "application/yaml"),
	/** The Ignition pointer for EC2 user data; it holds the group's fetch token. */
	USER_DATA(DocumentRoutes.USER_DATA, "application/json");

	private final String segment;

	private final String mediaType;

	DocumentFormat(String segment, String mediaType) {
		this.segment = segment;
		this.mediaType = mediaType;
	}

	/** The last path segment, and the name the audit log and metrics use. */
	public String segment() {
		return segment;
	}

	public String mediaType() {
		return mediaType;
	}

	/** The format a path's last segment names, if it names one. */
	static Optional<DocumentFormat> ofSegment(String segment) {
		return Arrays.stream(values()).filter((f) -> f.segment.equals(segment)).findFirst();
	}

}

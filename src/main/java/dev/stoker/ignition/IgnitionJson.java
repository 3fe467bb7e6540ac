package dev.stoker.ignition;

import dev.stoker.json.Mappers;

/**
 * Writes Ignition JSON: compact, fields in the model's order, absent fields left out.
 * Same config, same bytes.
 */
public final class IgnitionJson {

	/** The media type Ignition configs are served with. */
	public static final String MEDIA_TYPE = "application/vnd.coreos.ignition+json";

	private IgnitionJson() {
	}

	public static String write(IgnitionConfig config) {
		return Mappers.json().writeValueAsString(config);
	}

	public static IgnitionConfig read(String json) {
		return Mappers.json().readValue(json, IgnitionConfig.class);
	}

}

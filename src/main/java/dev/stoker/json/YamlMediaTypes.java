package dev.stoker.json;

import java.util.List;

/**
 * The media types a YAML body is sent with. {@code application/yaml} is the registered
 * one (RFC 9512), but tools still send the names in use before it, which its registration
 * (section 2.1) lists as deprecated aliases: {@code application/x-yaml},
 * {@code text/yaml} and {@code text/x-yaml}. Every endpoint that reads YAML reads them
 * all.
 */
public final class YamlMediaTypes {

	public static final String APPLICATION_YAML = "application/yaml";

	public static final String APPLICATION_X_YAML = "application/x-yaml";

	public static final String TEXT_YAML = "text/yaml";

	public static final String TEXT_X_YAML = "text/x-yaml";

	public static final List<String> ALL = List.of(APPLICATION_YAML, APPLICATION_X_YAML, TEXT_YAML, TEXT_X_YAML);

	private YamlMediaTypes() {
	}

}

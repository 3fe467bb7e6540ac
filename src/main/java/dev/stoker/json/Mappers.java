package dev.stoker.json;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Builds the JSON and YAML mappers. Same input, same bytes: properties keep their
 * declaration order (record component order), absent values are left out, and duplicate
 * keys are an error rather than a silent "last one wins". YAML is read as written or
 * refused where it was written ({@link StrictYamlParser}).
 */
public final class Mappers {

	private static final JsonMapper JSON = configure(JsonMapper.builder()).build();

	private static final YAMLMapper YAML = configure(YAMLMapper
		.builder(new StrictYamlFactory(YAMLFactory.builder().stringQuotingChecker(new YamlQuoting()).build())))
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		// a long value (an SSH key) stays on one line instead of being folded
		// at 80 columns
		.disable(YAMLWriteFeature.SPLIT_LINES)
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES)
		.enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
		.build();

	// Butane configs hold systemd units and scripts: a multi-line string reads as a
	// literal block (|) there, as people write Butane, instead of one quoted line full of
	// \n. The emitter falls back to quoting when a block cannot hold the text exactly.
	private static final YAMLMapper BUTANE_YAML = YAML.rebuild().enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE).build();

	private Mappers() {
	}

	public static JsonMapper json() {
		return JSON;
	}

	public static YAMLMapper yaml() {
		return YAML;
	}

	/** The YAML mapper for Butane configs: as {@link #yaml()}, with literal blocks. */
	public static YAMLMapper butaneYaml() {
		return BUTANE_YAML;
	}

	private static <M extends tools.jackson.databind.ObjectMapper, B extends MapperBuilder<M, B>> B configure(
			B builder) {
		return builder.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			// RFC 9457 extension members (errors, currentRevision) at the top level, as
			// Spring writes them
			.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
			.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

}

package dev.stoker.definition;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the API description says of {@code snippets}, wherever a definition has them: a
 * list of free-form objects, each a Butane config, which validation reads.
 */
@Schema(name = "ButaneSnippet", type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
		description = SnippetSchema.ITEM)
final class SnippetSchema {

	static final String DESCRIPTION = "Butane configs (flatcar variant) merged into the Butane of every node this "
			+ "level covers: the cluster's into every node, a group's into its nodes, a static node's into its own; "
			+ "a more specific level replaces a less specific one's entry of the same key. Entries Stoker writes "
			+ "itself are refused. GET answers them as written: secrets do not belong here";

	static final String ITEM = "A Butane config of the flatcar variant as an object; variant and version may be left "
			+ "out, and when given must be flatcar and the cluster's butaneVersion";

	private SnippetSchema() {
	}

}

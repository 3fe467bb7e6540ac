package dev.stoker.definition.validation;

import dev.stoker.definition.ValidCluster;

/**
 * A check that needs the documents Stoker renders for a definition, which only a valid
 * definition has: whether its snippets meet Stoker's own entries or each other. It runs
 * once every other check has passed, and reports the same way.
 */
@FunctionalInterface
public interface RenderedCheck {

	void check(ValidCluster cluster, FieldErrors problems);

}

/**
 * The Butane config of a node, Flatcar variant (1.0.0 and 1.1.0): a typed model of the
 * sections Stoker writes and the YAML an operator can read or feed to {@code butane}
 * itself. Knows nothing of clusters; the render feature builds it.
 */
package dev.stoker.butane;

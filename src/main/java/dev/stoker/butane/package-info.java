/**
 * The Butane config of a node, Flatcar variant (1.0.0 and 1.1.0): a typed model of every
 * section a server can express, the YAML an operator can read or feed to {@code butane}
 * itself, a reader of a config given as an object that reports what it cannot take
 * ({@link dev.stoker.butane.ButaneSnippetReader}), and a strict checker of what
 * {@code butane --strict} would refuse ({@link dev.stoker.butane.ButaneLint}). Knows
 * nothing of clusters; the render feature builds it.
 */
package dev.stoker.butane;

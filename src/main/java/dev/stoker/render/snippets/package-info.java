/**
 * Merges the operator's Butane snippets into the Butane config Stoker renders for a node,
 * and refuses what would take an entry Stoker writes or that two snippets of one level
 * both define. Pure: a node's config and its snippets in, one config and the refusals
 * out.
 */
package dev.stoker.render.snippets;

/**
 * Unified diffs of text, as {@code diff -u} and {@code git diff} write them, for showing
 * what a change of definition changes.
 */
package dev.stoker.diff;

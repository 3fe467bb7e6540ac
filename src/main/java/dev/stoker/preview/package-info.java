/**
 * What a definition makes Stoker serve, shown to the admin with every secret replaced by
 * a fixed placeholder: the preview of a candidate definition (new or replacing one), the
 * revision history's endpoints, and unified diffs of definitions and rendered documents
 * between them. Nothing here stores, discloses or audits: no real secret is ever rendered
 * into its answers.
 */
package dev.stoker.preview;

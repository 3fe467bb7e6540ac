/**
 * Facts about the Flatcar host that documents write to: where its files live.
 */
package dev.stoker.flatcar;

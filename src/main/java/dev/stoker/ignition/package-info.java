/**
 * Ignition configs (spec 3.3.0 and 3.4.0) and Stoker's own transpiler from the Butane
 * model to them, as {@code butane} transpiles: what a Flatcar machine fetches and runs at
 * first boot.
 */
package dev.stoker.ignition;

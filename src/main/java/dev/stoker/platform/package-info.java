/**
 * Where a node learns its own addresses: per platform, the variables that Flatcar's
 * coreos-metadata.service (Afterburn) writes to {@code /run/metadata/flatcar}.
 */
package dev.stoker.platform;

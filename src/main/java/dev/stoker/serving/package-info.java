/**
 * Serves the documents a node boots with: routes, the serving transaction (credential,
 * render, audit), user-data pointers, join warnings and the fetch metrics.
 */
package dev.stoker.serving;

/**
 * How Kubernetes gets onto a node: Flatcar's sysext image, or the release binaries in
 * /opt/bin.
 */
package dev.stoker.render.install;

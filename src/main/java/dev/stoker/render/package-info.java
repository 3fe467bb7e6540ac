/**
 * Renders a node's Butane config from a validated cluster and its secrets: where its
 * addresses come from, its kubeadm config, units and files. Pure functions: nothing here
 * reads a request, the database or the clock.
 */
package dev.stoker.render;

/**
 * Assembles a node's documents from a cluster definition: where its addresses come from,
 * its kubeadm config, units and files, and the install method.
 */
package dev.stoker.render;

/**
 * The kubeadm configuration a node runs with ({@code /etc/kubeadm.yml}), as typed
 * documents of the v1beta3 and v1beta4 APIs (with the kubelet's and kube-proxy's
 * configuration for init), and the kubeletconfiguration patch of a group with kubelet
 * settings of its own, built from a cluster definition and serialized by Jackson: no
 * value can add a key or a document.
 */
package dev.stoker.kubeadm;

/**
 * A cluster's kubeadm secrets: the bootstrap token, the certificate key and the cluster
 * CA, generated with the cluster and stored encrypted under the master key. Knows
 * clusters by name and row id only, never their definitions.
 */
package dev.stoker.secrets;

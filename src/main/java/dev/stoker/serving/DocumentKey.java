package dev.stoker.serving;

import java.net.URI;

import dev.stoker.cluster.ClusterVersion;

/**
 * Everything a node document's bytes are made of, and so what a rendered one is cached
 * under: the stored cluster (its row and revision, which every write of the definition,
 * the join secrets or the keeper credential moves), what is asked for, where nodes reach
 * Stoker (written into control-plane documents for the keeper) and the CA bundle they are
 * told to trust. A re-encryption under a new master key changes no secret's value, and so
 * no document.
 *
 * @param version the stored state of the cluster the document was read from
 * @param target the node group or static node
 * @param format butane, ignition or kubeadm
 * @param base the URL nodes reach Stoker at
 * @param caBundle the digest of the configured CA bundle, empty when there is none
 */
record DocumentKey(ClusterVersion version, DocumentTarget target, DocumentFormat format, URI base, String caBundle) {
}

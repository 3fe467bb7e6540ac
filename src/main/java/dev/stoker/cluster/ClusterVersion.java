package dev.stoker.cluster;

/**
 * Which stored state of a cluster a reader saw: its row id and its revision. Every write
 * that can change a node's document (a PUT, a rotation of the join secrets or of the
 * keeper credential) moves the revision, and a cluster deleted and created again under
 * its name starts at revision 1 with another id, so two reads with equal versions read
 * the same definition and the same secrets.
 *
 * @param id the cluster's row id
 * @param revision the cluster's revision (its ETag)
 */
public record ClusterVersion(long id, long revision) {
}

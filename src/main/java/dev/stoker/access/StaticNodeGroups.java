package dev.stoker.access;

import java.util.Optional;

/**
 * Which node group a static node belongs to, for the access filter to decide whether a
 * group's fetch token opens the node's documents. Implemented by whoever reads
 * definitions; the access rules know nothing of them.
 */
public interface StaticNodeGroups {

	/** The node's group; empty when there is no such cluster or node. */
	Optional<String> groupOf(String cluster, String node);

}

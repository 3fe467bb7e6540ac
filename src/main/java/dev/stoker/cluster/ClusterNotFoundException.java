package dev.stoker.cluster;

import dev.stoker.audit.ClusterGoneException;

/**
 * No cluster has this name (404). The same answer as when the cluster is deleted while
 * one of its documents is being served, so that both read alike.
 */
class ClusterNotFoundException extends ClusterGoneException {

	public ClusterNotFoundException(String name) {
		super(name);
	}

}

package dev.stoker.machines;

import dev.stoker.audit.ClusterGoneException;

/** A report or listing for a cluster deleted meanwhile: 404 like any missing cluster. */
class MachineClusterGoneException extends ClusterGoneException {

	MachineClusterGoneException(String cluster) {
		super(cluster);
	}

}

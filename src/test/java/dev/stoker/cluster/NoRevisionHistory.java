package dev.stoker.cluster;

import java.util.List;
import java.util.Optional;

import dev.stoker.audit.Requester;

/** A history that keeps nothing, for tests about definitions alone. */
class NoRevisionHistory implements RevisionHistory {

	@Override
	public void record(StoredCluster stored, Revision.Change change, Requester requester) {
	}

	@Override
	public Optional<List<Revision>> list(String cluster, Long before, int limit) {
		return Optional.of(List.of());
	}

	@Override
	public Optional<Revision> find(String cluster, long revision) {
		return Optional.empty();
	}

}

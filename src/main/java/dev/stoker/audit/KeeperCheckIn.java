package dev.stoker.audit;

import java.time.Instant;
import java.util.List;

/**
 * What a control plane's join-token keeper reported after a run that succeeded: the ids
 * (never the secrets) of the listed tokens the cluster holds, and of those it registered,
 * extended and deleted.
 *
 * @param node the control plane's host name, as it reported it
 * @param checkedInAt when Stoker received the report
 */
public record KeeperCheckIn(String node, Instant checkedInAt, List<String> present, List<String> added,
		List<String> extended, List<String> deleted) {

	public KeeperCheckIn {
		present = List.copyOf(present);
		added = List.copyOf(added);
		extended = List.copyOf(extended);
		deleted = List.copyOf(deleted);
	}

}

package dev.stoker.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of each cluster's revision history is kept, under {@code stoker.history}.
 *
 * @param retention how many of a cluster's newest revisions are kept, the current one
 * among them; older ones are deleted as new ones are written. A count rather than an age,
 * so that a cluster that has not changed for a year still has the revisions to roll back
 * to.
 */
@ConfigurationProperties("stoker.history")
public record HistorySettings(@DefaultValue("100") int retention) {

	public HistorySettings {
		if (retention < 1) {
			throw new IllegalArgumentException(
					"stoker.history.retention must be at least 1: the current revision is always kept");
		}
	}

}

package dev.stoker.machines;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How machine reports are kept and judged, under {@code stoker.machines.}.
 *
 * @param stuckAfter a machine that has not joined and whose phase has not changed for
 * longer than this is flagged stuck: a join takes a few minutes, and kubeadm gives up on
 * a control plane that does not answer after 4 or 5
 * @param retain a machine that has not reported for this long is forgotten (its row is
 * pruned as reports come in)
 * @param maxPerCluster the most machines kept per cluster; a report of one more is
 * refused (429) until old ones are pruned, so that a leaked credential cannot fill the
 * database
 * @param reportsPerMinute how many reports one credential (one node group) may send per
 * minute to one replica, as a burst and then steadily; more are refused with 429 and
 * Retry-After, which the nodes' reporters honour
 */
@ConfigurationProperties("stoker.machines")
record MachineSettings(@DefaultValue("30m") Duration stuckAfter, @DefaultValue("30d") Duration retain,
		@DefaultValue("10000") int maxPerCluster, @DefaultValue("600") int reportsPerMinute) {

}

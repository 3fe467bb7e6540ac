package dev.stoker.definition;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** kube-scheduler settings passed through to kubeadm's ClusterConfiguration. */
public record Scheduler(@Schema(
		description = "Extra kube-scheduler flags, name without leading dashes to value") Map<String, String> extraArgs) {
}

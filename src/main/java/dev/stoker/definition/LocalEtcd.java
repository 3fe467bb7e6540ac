package dev.stoker.definition;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** kubeadm's etcd.local settings. */
public record LocalEtcd(@Schema(
		description = "Where etcd keeps its data on the control plane (kubeadm's default /var/lib/etcd); not under /usr, which is read-only on Flatcar") String dataDir,
		@Schema(description = "Extra etcd flags, name without leading dashes to value") Map<String, String> extraArgs) {
}

package dev.stoker.definition;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** kube-controller-manager settings passed through to kubeadm's ClusterConfiguration. */
public record ControllerManager(@Schema(
		description = "Extra kube-controller-manager flags, name without leading dashes to value") Map<String, String> extraArgs,
		@Schema(description = "Host paths mounted into the kube-controller-manager pod") List<HostPathMount> extraVolumes) {

	public ControllerManager(Map<String, String> extraArgs) {
		this(extraArgs, null);
	}

}

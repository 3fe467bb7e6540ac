package dev.stoker.definition;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** kube-apiserver settings passed through to kubeadm's ClusterConfiguration. */
public record ApiServer(@Schema(
		description = "Extra subject alternative names for the API server certificate: DNS names or IP addresses") List<String> certSANs,
		@Schema(description = "Extra kube-apiserver flags, name without leading dashes to value") Map<String, String> extraArgs,
		@Schema(description = "Host paths mounted into the kube-apiserver pod") List<HostPathMount> extraVolumes) {

	public ApiServer(List<String> certSANs, Map<String, String> extraArgs) {
		this(certSANs, extraArgs, null);
	}

}

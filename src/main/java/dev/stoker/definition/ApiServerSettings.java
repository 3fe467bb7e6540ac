package dev.stoker.definition;

import java.util.List;
import java.util.Map;

/**
 * kube-apiserver settings: extra certificate SANs (DNS names or IP addresses) and extra
 * flags, each in the order written.
 */
public record ApiServerSettings(List<String> certSANs, Map<String, String> extraArgs) {

	public ApiServerSettings {
		certSANs = List.copyOf(certSANs);
		extraArgs = Ordered.copy(extraArgs);
	}

	ApiServer definition() {
		return new ApiServer(certSANs, extraArgs);
	}

	static ApiServerSettings of(ApiServer apiServer) {
		return new ApiServerSettings(apiServer.certSANs(), apiServer.extraArgs());
	}

}

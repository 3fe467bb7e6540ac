package dev.stoker.kubeadm;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.stoker.definition.KubeadmApiVersion;

/**
 * Command-line flags for a Kubernetes component. v1beta3 writes them as a map of name to
 * value; v1beta4 as a list of {name, value}, which allows a flag more than once.
 */
record ExtraArgs(KubeadmApiVersion api, Map<String, String> args) {

	public ExtraArgs {
		args = new LinkedHashMap<>(args);
	}

	/** Flag name and value, as v1beta4 lists them. */
	public record Arg(String name, String value) {
	}

	@JsonValue
	Object wire() {
		return api == KubeadmApiVersion.V1BETA3 ? args
				: args.entrySet().stream().map(e -> new Arg(e.getKey(), e.getValue())).toList();
	}

}

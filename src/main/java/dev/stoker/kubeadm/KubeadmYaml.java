package dev.stoker.kubeadm;

import java.util.List;
import java.util.stream.Collectors;

import dev.stoker.json.Mappers;

/**
 * Writes kubeadm documents as one multi-document YAML file, as /etc/kubeadm.yml holds
 * them.
 */
public final class KubeadmYaml {

	private KubeadmYaml() {
	}

	public static String write(List<Object> documents) {
		return documents.stream().map(Mappers.yaml()::writeValueAsString).collect(Collectors.joining("---\n"));
	}

}

package dev.stoker.cni;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.stoker.TestDefinitions;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.json.Mappers;

/**
 * The clusters whose Cilium values are golden files under golden/cni: one of each kind
 * the values tell apart.
 */
final class CiliumClusters {

	/** A cluster, and the golden file its values are compared with. */
	record Case(String golden, ValidCluster cluster) {

		@Override
		public String toString() {
			return golden;
		}

	}

	private CiliumClusters() {
	}

	static List<Case> all() throws Exception {
		return List.of(new Case("single-stack-ipv4", example("azure-ipv4.yaml")),
				new Case("dual-stack", example("aws-dual-stack.yaml")),
				new Case("ipv6-first", example("aws-ipv6-first.yaml")),
				new Case("kube-proxy-kept", parse(TestDefinitions.dualStackAws("kept"))),
				new Case("ipv6-only", parse("""
						{"name": "v6", "kubernetesVersion": "v1.33.2", "platform": "metal",
						 "controlPlaneEndpoint": {"host": "fd00:10:100::10", "port": 443},
						 "networking": {"podSubnets": ["fd00:10:244::/56"], "serviceSubnets": ["fd00:10:96::/112"],
						                "skipKubeProxy": true, "addressSource": "interfaces"}}
						""")));
	}

	static ValidCluster example(String file) throws Exception {
		return parse(Files.readString(Path.of("examples", file)));
	}

	static ValidCluster parse(String definition) throws Exception {
		return new ClusterValidator().validate(Mappers.yaml().readTree(definition));
	}

}

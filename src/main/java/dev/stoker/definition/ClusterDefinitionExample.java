package dev.stoker.definition;

/**
 * The example definition shown in the API description (a dual-stack, IPv4-first cluster
 * on AWS).
 */
public final class ClusterDefinitionExample {

	public static final String JSON = """
			{
			  "name": "prod-use1",
			  "kubernetesVersion": "v1.33.2",
			  "platform": "aws",
			  "install": "sysext",
			  "architecture": "x86-64",
			  "controlPlaneEndpoint": {"host": "k8s-int.example.internal", "port": 6443},
			  "apiServer": {"certSANs": ["k8s.example.com"]},
			  "networking": {
			    "podSubnets": ["10.244.0.0/16", "fd00:10:244::/56"],
			    "serviceSubnets": ["10.96.0.0/16", "fd00:10:96::/112"],
			    "skipKubeProxy": false
			  },
			  "cloudProvider": "external",
			  "ssh": {"user": "core", "authorizedKeys": ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGzDPu72kk76GUoRO0vvZ2La+WK6qy/L0K8U8lhijsY1 ops@example"]},
			  "nodeGroups": [
			    {"name": "bootstrap", "role": "bootstrap"},
			    {"name": "control-plane", "role": "control-plane"},
			    {"name": "workers", "role": "worker", "labels": {"tier": "general"}}
			  ]
			}
			""";

	private ClusterDefinitionExample() {
	}

}

package dev.stoker;

/**
 * Definitions shared by tests that need a valid cluster and do not care about its
 * details.
 */
public final class TestDefinitions {

	/** A real ed25519 public key (its private half was thrown away). */
	public static final String SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGzDPu72kk76GUoRO0vvZ2La+WK6qy/L0K8U8lhijsY1 ops@example";

	private TestDefinitions() {
	}

	/**
	 * A dual-stack, IPv4-first AWS cluster with only the required fields and one SSH key.
	 */
	public static String dualStackAws(String name) {
		return """
				{"name": "%s", "kubernetesVersion": "v1.33.2", "platform": "aws",
				 "controlPlaneEndpoint": {"host": "k8s-int.example.internal"},
				 "networking": {"podSubnets": ["10.244.0.0/16", "fd00:10:244::/56"],
				                "serviceSubnets": ["10.96.0.0/16", "fd00:10:96::/112"]},
				 "ssh": {"authorizedKeys": ["%s"]}}
				""".formatted(name, SSH_KEY);
	}

}

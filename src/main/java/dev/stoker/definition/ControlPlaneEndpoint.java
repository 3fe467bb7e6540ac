package dev.stoker.definition;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The stable address of the Kubernetes API (a load balancer or DNS name in front of every
 * control plane).
 */
public record ControlPlaneEndpoint(
		@Schema(description = "DNS name or IP address", example = "k8s-int.example.internal",
				requiredMode = Schema.RequiredMode.REQUIRED) String host,
		@Schema(description = "TCP port (default 6443)", example = "6443") Integer port) {
}

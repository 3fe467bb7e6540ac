package dev.stoker.definition;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A host directory or file mounted into a control-plane static pod (kubeadm's
 * HostPathMount).
 */
public record HostPathMount(
		@Schema(description = "Volume name: a DNS-1123 label, unique in the component",
				requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(description = "Absolute path on the host; under /usr (read-only on Flatcar) only readOnly and without an OrCreate pathType",
				requiredMode = Schema.RequiredMode.REQUIRED) String hostPath,
		@Schema(description = "Absolute path in the container",
				requiredMode = Schema.RequiredMode.REQUIRED) String mountPath,
		@Schema(description = "Mount read-only (default false)") Boolean readOnly,
		@Schema(description = "What the host path must be; left out, nothing is checked") HostPathType pathType) {
}

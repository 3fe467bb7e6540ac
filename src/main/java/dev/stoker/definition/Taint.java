package dev.stoker.definition;

import io.swagger.v3.oas.annotations.media.Schema;

/** A Kubernetes node taint. */
public record Taint(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String key, String value,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) TaintEffect effect) {
}

package dev.stoker.problem;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One problem in a request body: where it is (RFC 6901 JSON Pointer) and what to do about
 * it.
 */
public record FieldError(
		@Schema(description = "JSON Pointer to the field", example = "/networking/podSubnets/1") String pointer,
		@Schema(example = "must be an IPv6 CIDR: the second subnet's family must differ from the first's") String detail) {
}

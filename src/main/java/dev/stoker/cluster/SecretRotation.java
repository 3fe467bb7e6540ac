package dev.stoker.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import dev.stoker.problem.FieldError;
import dev.stoker.problem.InvalidRequestException;
import dev.stoker.problem.JsonPointer;

/**
 * Which join secrets to rotate. Read by hand rather than bound, so that a misspelt field
 * or a string "true" is refused with its pointer instead of silently meaning false.
 */
@Schema(description = "The join secrets to replace; at least one must be true")
public record SecretRotation(
		@Schema(description = "Make a new bootstrap token", example = "true") boolean bootstrapToken,
		@Schema(description = "Make a new certificate key", example = "true") boolean certificateKey) {

	private static final Set<String> FIELDS = Set.of("bootstrapToken", "certificateKey");

	static SecretRotation read(JsonNode body) {
		List<FieldError> errors = new ArrayList<>();
		if (body == null || !body.isObject()) {
			throw new InvalidRequestException("The body must be a JSON object.",
					List.of(new FieldError("", "must be an object such as {\"bootstrapToken\": true}")));
		}
		for (String name : body.propertyNames()) {
			if (!FIELDS.contains(name)) {
				errors.add(new FieldError(JsonPointer.child("", name),
						"is not a field; the fields are bootstrapToken and certificateKey"));
			}
			else if (!body.get(name).isBoolean()) {
				errors.add(new FieldError("/" + name, "must be true or false"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException("Nothing was rotated; see errors.", errors);
		}
		// every field present is a boolean now; an absent one is false
		SecretRotation rotation = new SecretRotation(body.path("bootstrapToken").asBoolean(false),
				body.path("certificateKey").asBoolean(false));
		if (!rotation.bootstrapToken() && !rotation.certificateKey()) {
			throw new InvalidRequestException("Nothing was rotated; see errors.",
					List.of(new FieldError("", "must set bootstrapToken or certificateKey (or both) to true")));
		}
		return rotation;
	}

}

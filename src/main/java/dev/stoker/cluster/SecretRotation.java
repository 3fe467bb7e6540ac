package dev.stoker.cluster;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import dev.stoker.definition.validation.FieldErrors;
import dev.stoker.definition.validation.StrictReader;
import dev.stoker.problem.FieldError;
import dev.stoker.problem.InvalidRequestException;

/**
 * Which join secrets to rotate. Read strictly, so that a misspelt field or a string
 * "true" is refused with its pointer instead of silently meaning false.
 */
@Schema(description = "The join secrets to replace; at least one must be true")
record SecretRotation(@Schema(description = "Make a new bootstrap token", example = "true") boolean bootstrapToken,
		@Schema(description = "Make a new certificate key; only clusters created before Stoker generated the"
				+ " control-plane keys have one, others refuse it", example = "false") boolean certificateKey) {

	/**
	 * Why a cluster created with Stoker's control-plane PKI refuses a certificate-key
	 * rotation: rotating nothing and saying so beats answering a key and an upload-certs
	 * command that no node of it would ever use.
	 */
	static final String NO_CERTIFICATE_KEY = "this cluster has no certificate key: its control planes get the keys"
			+ " they share from their documents, and kubeadm uploads no certificates for them. Rotate only"
			+ " bootstrapToken";

	private static final StrictReader<SecretRotation> READER = new StrictReader<>(SecretRotation.class,
			"must be a JSON object such as {\"bootstrapToken\": true}");

	/**
	 * Read with the definition's strict reader: an absent field is false, anything but
	 * true or false (a string, a number, null) is refused at its pointer.
	 */
	static SecretRotation read(JsonNode body) {
		FieldErrors problems = new FieldErrors();
		SecretRotation rotation = READER.read(body, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException("Nothing was rotated; see errors.", problems.list());
		}
		if (!rotation.bootstrapToken() && !rotation.certificateKey()) {
			throw new InvalidRequestException("Nothing was rotated; see errors.",
					List.of(new FieldError("", "must set bootstrapToken or certificateKey (or both) to true")));
		}
		return rotation;
	}

}

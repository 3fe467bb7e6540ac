package dev.stoker.serving;

import java.util.List;

import dev.stoker.problem.FieldError;
import dev.stoker.problem.InvalidRequestException;

/**
 * How the user-data pointer is answered: JSON as it is (what {@code aws ec2 run-instances
 * --user-data file://…} takes, the CLI encodes it), or its base64 text (what a launch
 * template's {@code UserData} field takes).
 */
enum UserDataEncoding {

	JSON, BASE64;

	/** {@code ?encoding=json} or {@code ?encoding=base64}; anything else is a 400. */
	static UserDataEncoding fromParameter(String value) {
		return switch (value) {
			case "json" -> JSON;
			case "base64" -> BASE64;
			default -> throw new InvalidRequestException("encoding must be json or base64.",
					List.of(new FieldError("encoding", "must be json or base64")));
		};
	}

}

package dev.stoker.definition;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The login user on every node and the OpenSSH public keys that may log in as it. */
public record Ssh(@Schema(description = "Login user (default core)") String user,
		@Schema(description = "OpenSSH public keys, one per entry") List<String> authorizedKeys) {
}

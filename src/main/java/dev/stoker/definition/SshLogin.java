package dev.stoker.definition;

import java.util.List;
import java.util.Objects;

/** The login user on every node, and the OpenSSH public keys that may log in as it. */
public record SshLogin(String user, List<String> authorizedKeys) {

	public SshLogin {
		Objects.requireNonNull(user);
		authorizedKeys = List.copyOf(authorizedKeys);
	}

	Ssh definition() {
		return new Ssh(user, authorizedKeys);
	}

	static SshLogin of(Ssh ssh) {
		return new SshLogin(ssh.user(), ssh.authorizedKeys());
	}

}

package dev.stoker.secrets;

import java.time.Instant;

/**
 * A bootstrap token a rotation replaced, which the keepers keep registered until
 * {@code listedUntil} and delete afterwards.
 */
public record RetiredBootstrapToken(BootstrapToken token, Instant retiredAt, Instant listedUntil) {

	@Override
	public String toString() {
		return "RetiredBootstrapToken[id=" + token.id() + ", listedUntil=" + listedUntil + "]";
	}

}

package dev.stoker.render;

import java.net.URI;

/**
 * How a control plane's join-token keeper reaches Stoker.
 *
 * @param joinTokens the cluster's join-token list, which the keeper reads and checks in
 * under
 * @param credential the keeper credential, which opens nothing else
 * @param caBundle the PEM certificates that sign Stoker's TLS certificate, or null when
 * the node's own trust store is enough
 */
public record KeeperAccess(URI joinTokens, String credential, String caBundle) {

	@Override
	public String toString() {
		return "KeeperAccess[joinTokens=" + joinTokens + ", credential=<redacted>]";
	}

}

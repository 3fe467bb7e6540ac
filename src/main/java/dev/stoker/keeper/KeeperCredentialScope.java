package dev.stoker.keeper;

import org.springframework.stereotype.Component;

import dev.stoker.access.KeeperTokenScope;
import dev.stoker.secrets.KeeperTokenHolder;

/**
 * What a keeper credential opens: GET (or HEAD) of its own cluster's join-token list and
 * POST of a check-in to it. Nothing else, not even another cluster's list or any
 * document.
 */
@Component
class KeeperCredentialScope implements KeeperTokenScope {

	@Override
	public boolean opens(KeeperTokenHolder holder, String method, String path) {
		String list = JoinTokenRoutes.listPath(holder.cluster());
		return switch (method) {
			case "GET", "HEAD" -> path.equals(list);
			case "POST" -> path.equals(list + JoinTokenRoutes.CHECK_INS);
			default -> false;
		};
	}

}

package dev.stoker.access;

import dev.stoker.secrets.KeeperTokenHolder;

/**
 * What a keeper credential may ask for, decided by whoever serves the join-token list, as
 * {@link FetchTokenScope} is for documents: refused before the request reaches a handler.
 */
public interface KeeperTokenScope {

	/** Whether the credential's holder may send this request at all. */
	boolean opens(KeeperTokenHolder holder, String method, String path);

}

package dev.stoker.access;

import dev.stoker.secrets.FetchTokenHolder;

/**
 * What a fetch token may ask for, decided by whoever serves documents: the access rules
 * know nothing of document routes or definitions. Every refusal is decided before the
 * request reaches a handler, so that each has the same body; the handler checks again.
 */
public interface FetchTokenScope {

	/** Whether the token's holder may send this request at all. */
	boolean opens(FetchTokenHolder holder, String method, String path);

}

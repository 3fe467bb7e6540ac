package dev.stoker.access;

import dev.stoker.secrets.ReportTokenHolder;

/**
 * What a report credential may ask for, decided by whoever takes machine reports, as
 * {@link FetchTokenScope} is for documents: refused before the request reaches a handler.
 */
public interface ReportTokenScope {

	/** Whether the credential's holder may send this request at all. */
	boolean opens(ReportTokenHolder holder, String method, String path);

}

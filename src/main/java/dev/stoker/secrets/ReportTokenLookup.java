package dev.stoker.secrets;

/**
 * The keyed hash a report credential's row is found by: the fetch tokens' HMAC under a
 * key of its own purpose, so that it never matches a fetch token's or keeper's hash.
 */
final class ReportTokenLookup {

	private final FetchTokenLookup hmac;

	ReportTokenLookup(MasterKey masterKey) {
		this.hmac = new FetchTokenLookup(masterKey, "stoker report-token lookup v1");
	}

	String hash(ReportToken token) {
		return hmac.hash(token.value());
	}

}

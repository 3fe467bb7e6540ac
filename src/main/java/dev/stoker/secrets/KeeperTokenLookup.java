package dev.stoker.secrets;

/**
 * The keyed hash a keeper credential's row is found by: the fetch tokens' HMAC under a
 * key of its own purpose, so that a credential's hash never matches a fetch token's row.
 */
final class KeeperTokenLookup {

	private final FetchTokenLookup hmac;

	KeeperTokenLookup(MasterKey masterKey) {
		this.hmac = new FetchTokenLookup(masterKey, "stoker keeper-token lookup v1");
	}

	String hash(KeeperToken token) {
		return hmac.hash(token.value());
	}

}

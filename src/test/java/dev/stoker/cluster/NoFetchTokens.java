package dev.stoker.cluster;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import dev.stoker.secrets.FetchToken;
import dev.stoker.secrets.FetchTokenHolder;
import dev.stoker.secrets.FetchTokens;

/** A fake for tests about definitions alone: issues no tokens and knows none. */
class NoFetchTokens implements FetchTokens {

	@Override
	public Map<String, FetchToken> issue(String cluster, Collection<String> groups) {
		return Map.of();
	}

	@Override
	public Optional<FetchToken> rotate(String cluster, String group) {
		return Optional.empty();
	}

	@Override
	public Optional<FetchToken> find(String cluster, String group) {
		return Optional.empty();
	}

	@Override
	public Optional<FetchTokenHolder> authenticate(FetchToken presented) {
		return Optional.empty();
	}

	@Override
	public Optional<FetchTokenHolder> recognize(FetchToken presented) {
		return Optional.empty();
	}

	@Override
	public boolean stillCurrent(FetchTokenHolder holder) {
		return false;
	}

	@Override
	public void forget(FetchTokenHolder holder) {
	}

}

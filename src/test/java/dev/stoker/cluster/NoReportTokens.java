package dev.stoker.cluster;

import java.util.Collection;
import java.util.Optional;

import dev.stoker.secrets.ReportToken;
import dev.stoker.secrets.ReportTokenHolder;
import dev.stoker.secrets.ReportTokens;

/** A fake for tests about definitions alone: makes no report credentials, knows none. */
class NoReportTokens implements ReportTokens {

	@Override
	public int issue(String cluster, Collection<String> groups) {
		return 0;
	}

	@Override
	public Optional<ReportToken> rotate(String cluster, String group) {
		return Optional.empty();
	}

	@Override
	public Optional<ReportToken> find(String cluster, String group) {
		return Optional.empty();
	}

	@Override
	public Optional<ReportTokenHolder> authenticate(ReportToken presented) {
		return Optional.empty();
	}

}

package dev.stoker.cluster;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.stoker.audit.KeeperCheckIn;
import dev.stoker.audit.KeeperCheckIns;
import dev.stoker.secrets.BootstrapToken;
import dev.stoker.secrets.KeeperToken;
import dev.stoker.secrets.KeeperTokens;
import dev.stoker.secrets.RetiredBootstrapTokens;

/** The keepers' side of a cluster's writes, on the stored credentials and tokens. */
@Component
class StoredJoinTokenKeeping implements JoinTokenKeeping {

	private final KeeperTokens credentials;

	private final RetiredBootstrapTokens retired;

	private final KeeperCheckIns checkIns;

	private final JoinTokenSettings settings;

	StoredJoinTokenKeeping(KeeperTokens credentials, RetiredBootstrapTokens retired, KeeperCheckIns checkIns,
			JoinTokenSettings settings) {
		this.credentials = credentials;
		this.retired = retired;
		this.checkIns = checkIns;
		this.settings = settings;
	}

	@Override
	public void create(String cluster) {
		credentials.create(cluster);
	}

	@Override
	public Instant retire(String cluster, BootstrapToken previous, Instant now) {
		Instant until = now.plus(settings.gracePeriod());
		retired.retire(cluster, previous, now, until);
		return until;
	}

	@Override
	public Optional<Instant> lastCheckIn(String cluster) {
		return checkIns.latest(cluster).map(KeeperCheckIn::checkedInAt);
	}

	@Override
	public Optional<KeeperToken> rotateCredential(String cluster) {
		return credentials.rotate(cluster);
	}

}

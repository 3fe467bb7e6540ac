package dev.stoker.cluster;

import java.time.Instant;
import java.util.Optional;

import dev.stoker.secrets.BootstrapToken;
import dev.stoker.secrets.KeeperToken;

/** For services whose tests are about definitions: no keeper credential, no keeper. */
class NoJoinTokenKeeping implements JoinTokenKeeping {

	@Override
	public void create(String cluster) {
	}

	@Override
	public Instant retire(String cluster, BootstrapToken previous, Instant now) {
		return now;
	}

	@Override
	public Optional<Instant> lastCheckIn(String cluster) {
		return Optional.empty();
	}

	@Override
	public Optional<KeeperToken> rotateCredential(String cluster) {
		return Optional.empty();
	}

}

package dev.stoker.secrets;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.stoker.database.StoredTime;

/**
 * Keeper credentials generated here, encrypted under the master key (each bound to its
 * cluster row) and found again from a presented value by a keyed hash
 * ({@link KeeperTokenLookup}).
 */
@Service
class StoredKeeperTokens implements KeeperTokens {

	private final KeeperTokenRepository tokens;

	private final ClusterSecretsRepository clusters;

	private final SecretCipher cipher;

	private final RandomSource random;

	private final Clock clock;

	private final KeeperTokenLookup lookup;

	private final RecordedMasterKey recordedKey;

	StoredKeeperTokens(KeeperTokenRepository tokens, ClusterSecretsRepository clusters, SecretCipher cipher,
			RandomSource random, Clock clock, MasterKey masterKey, RecordedMasterKey recordedKey) {
		this.tokens = tokens;
		this.clusters = clusters;
		this.cipher = cipher;
		this.random = random;
		this.clock = clock;
		this.lookup = new KeeperTokenLookup(masterKey);
		this.recordedKey = recordedKey;
	}

	@Override
	public KeeperToken create(String cluster) {
		return rotate(cluster).orElseThrow(
				() -> new IllegalStateException("There is no cluster " + cluster + " to make a keeper credential for"));
	}

	@Override
	public Optional<KeeperToken> rotate(String cluster) {
		recordedKey.requireForWrite();
		Optional<Long> id = clusters.clusterId(cluster);
		if (id.isEmpty()) {
			return Optional.empty();
		}
		KeeperToken token = KeeperToken.generate(random);
		tokens.put(id.get(), token.id(), lookup.hash(token), encrypt(id.get(), token), StoredTime.now(clock));
		return Optional.of(token);
	}

	@Override
	public Optional<KeeperToken> find(String cluster) {
		return tokens.find(cluster).map(this::decrypt);
	}

	@Override
	public Optional<KeeperTokenHolder> authenticate(KeeperToken presented) {
		return PresentedCredentials
			.verified(tokens.findByLookupHash(lookup.hash(presented)), presented.value(), (row) -> decrypt(row).value(),
					recordedKey)
			.map(row -> new KeeperTokenHolder(row.cluster(), row.tokenId()));
	}

	private KeeperToken decrypt(KeeperTokenRepository.Row row) {
		String value = cipher.decrypt(row.encrypted(), SecretKind.KEEPER_TOKEN.associatedData(row.clusterId()));
		return KeeperToken.parse(value)
			.orElseThrow(() -> new SecretDecryptionException(
					"The stored keeper credential of cluster " + row.cluster() + " is not in the form of one"));
	}

	private String encrypt(long clusterId, KeeperToken token) {
		return cipher.encrypt(token.value(), SecretKind.KEEPER_TOKEN.associatedData(clusterId));
	}

}

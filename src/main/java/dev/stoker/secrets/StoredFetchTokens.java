package dev.stoker.secrets;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.stoker.database.StoredTime;

/**
 * Fetch tokens generated here, encrypted under the master key (each bound to its cluster
 * row and group) and found again from a presented token by a keyed hash
 * ({@link FetchTokenLookup}).
 */
@Service
class StoredFetchTokens implements FetchTokens {

	private final FetchTokenRepository tokens;

	private final ClusterSecretsRepository clusters;

	private final SecretCipher cipher;

	private final RandomSource random;

	private final Clock clock;

	private final FetchTokenLookup lookup;

	private final RecordedMasterKey recordedKey;

	StoredFetchTokens(FetchTokenRepository tokens, ClusterSecretsRepository clusters, SecretCipher cipher,
			RandomSource random, Clock clock, MasterKey masterKey, RecordedMasterKey recordedKey) {
		this.tokens = tokens;
		this.clusters = clusters;
		this.cipher = cipher;
		this.random = random;
		this.clock = clock;
		this.lookup = new FetchTokenLookup(masterKey);
		this.recordedKey = recordedKey;
	}

	@Override
	public Map<String, FetchToken> issue(String cluster, Collection<String> groups) {
		// before the deletes below lock rows that a rotation would update
		recordedKey.requireForWrite();
		long id = clusterId(cluster);
		Map<String, FetchToken> issued = new LinkedHashMap<>();
		for (String existing : tokens.groups(id)) {
			if (!groups.contains(existing)) {
				tokens.delete(id, existing);
			}
		}
		var current = tokens.groups(id);
		for (String group : groups) {
			if (!current.contains(group)) {
				FetchToken token = FetchToken.generate(random);
				tokens.insert(id, group, token.id(), lookup.hash(token), encrypt(id, group, token), now());
				issued.put(group, token);
			}
		}
		return issued;
	}

	@Override
	public Optional<FetchToken> rotate(String cluster, String group) {
		recordedKey.requireForWrite();
		Optional<Long> id = clusters.clusterId(cluster);
		if (id.isEmpty()) {
			return Optional.empty();
		}
		FetchToken token = FetchToken.generate(random);
		boolean replaced = tokens.replace(id.get(), group, token.id(), lookup.hash(token),
				encrypt(id.get(), group, token), now());
		return replaced ? Optional.of(token) : Optional.empty();
	}

	@Override
	public Optional<FetchToken> find(String cluster, String group) {
		return tokens.find(cluster, group).map(this::decrypt);
	}

	@Override
	public Optional<FetchTokenHolder> authenticate(FetchToken presented) {
		return PresentedCredentials
			.verified(tokens.findByLookupHash(lookup.hash(presented)), presented.value(), (row) -> decrypt(row).value(),
					recordedKey)
			.map(row -> new FetchTokenHolder(row.cluster(), row.group(), row.tokenId()));
	}

	private long clusterId(String cluster) {
		return clusters.clusterId(cluster)
			.orElseThrow(() -> new IllegalStateException("There is no cluster " + cluster + " to make tokens for"));
	}

	/**
	 * Decrypting checks the row as well as reading it: a value moved to another group's
	 * or cluster's row does not decrypt there.
	 */
	private FetchToken decrypt(FetchTokenRepository.Row row) {
		String value = cipher.decrypt(row.encrypted(),
				SecretKind.FETCH_TOKEN.associatedData(row.clusterId(), row.group()));
		return FetchToken.parse(value)
			.orElseThrow(() -> new SecretDecryptionException("The stored fetch token of cluster " + row.cluster()
					+ " group " + row.group() + " is not in the form of a fetch token"));
	}

	private String encrypt(long clusterId, String group, FetchToken token) {
		return cipher.encrypt(token.value(), SecretKind.FETCH_TOKEN.associatedData(clusterId, group));
	}

	private Instant now() {
		return StoredTime.now(clock);
	}

}

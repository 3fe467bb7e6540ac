package dev.stoker.secrets;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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

	/**
	 * Verified tokens by lookup hash: one per node group in use, bounded so that no
	 * number of groups can grow it without end. Never listed nor logged.
	 */
	private final Cache<String, FetchTokenHolder> verified = Caffeine.newBuilder().maximumSize(100_000).build();

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
				forgetGroup(cluster, existing);
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
		// here at once; other replicas learn it from the audit statement
		forgetGroup(cluster, group);
		return replaced ? Optional.of(token) : Optional.empty();
	}

	@Override
	public Optional<FetchToken> find(String cluster, String group) {
		return tokens.find(cluster, group).map(this::decrypt);
	}

	@Override
	public Optional<FetchTokenHolder> authenticate(FetchToken presented) {
		return authenticate(presented, lookup.hash(presented));
	}

	private Optional<FetchTokenHolder> authenticate(FetchToken presented, String hash) {
		return PresentedCredentials
			.verified(tokens.findByLookupHash(hash), presented.value(), (row) -> decrypt(row).value(), recordedKey)
			.map(row -> new FetchTokenHolder(row.cluster(), row.group(), row.tokenId()));
	}

	/**
	 * A token verified once is kept by its lookup hash: a boot storm presents the same
	 * few tokens thousands of times, and each would cost a read and a decryption. A token
	 * that matched nothing is never kept.
	 */
	@Override
	public Optional<FetchTokenHolder> recognize(FetchToken presented) {
		String hash = lookup.hash(presented);
		FetchTokenHolder known = verified.getIfPresent(hash);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<FetchTokenHolder> holder = authenticate(presented, hash);
		holder.ifPresent((found) -> verified.put(hash, found));
		return holder;
	}

	@Override
	public boolean stillCurrent(FetchTokenHolder holder) {
		boolean current = tokens.find(holder.cluster(), holder.group())
			.filter((row) -> row.tokenId().equals(holder.tokenId()))
			.isPresent();
		if (!current) {
			forget(holder);
		}
		return current;
	}

	@Override
	public void forget(FetchTokenHolder holder) {
		verified.asMap().values().removeIf((kept) -> kept.tokenId().equals(holder.tokenId()));
	}

	private void forgetGroup(String cluster, String group) {
		verified.asMap().values().removeIf((kept) -> kept.cluster().equals(cluster) && kept.group().equals(group));
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

package dev.stoker.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Service;

/**
 * Fetch tokens generated here, encrypted under the master key (each bound to its cluster
 * row and group) and found again from a presented token by a keyed hash. The hash key is
 * derived from the master key, so a copy of the table alone cannot confirm a guessed
 * token.
 */
@Service
class StoredFetchTokens implements FetchTokens {

	private static final String HMAC = "HmacSHA256";

	private final FetchTokenRepository tokens;

	private final ClusterSecretsRepository clusters;

	private final SecretCipher cipher;

	private final RandomSource random;

	private final Clock clock;

	private final SecretKeySpec lookupKey;

	StoredFetchTokens(FetchTokenRepository tokens, ClusterSecretsRepository clusters, SecretCipher cipher,
			RandomSource random, Clock clock, MasterKey masterKey) {
		this.tokens = tokens;
		this.clusters = clusters;
		this.cipher = cipher;
		this.random = random;
		this.clock = clock;
		this.lookupKey = new SecretKeySpec(
				hmac(new SecretKeySpec(masterKey.key().getEncoded(), HMAC), "stoker fetch-token lookup v1"), HMAC);
	}

	@Override
	public Map<String, FetchToken> issue(String cluster, Collection<String> groups) {
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
				tokens.insert(id, group, token.id(), lookupHash(token), encrypt(id, group, token), now());
				issued.put(group, token);
			}
		}
		return issued;
	}

	@Override
	public Optional<FetchToken> rotate(String cluster, String group) {
		Optional<Long> id = clusters.clusterId(cluster);
		if (id.isEmpty()) {
			return Optional.empty();
		}
		FetchToken token = FetchToken.generate(random);
		boolean replaced = tokens.replace(id.get(), group, token.id(), lookupHash(token),
				encrypt(id.get(), group, token), now());
		return replaced ? Optional.of(token) : Optional.empty();
	}

	@Override
	public Optional<FetchToken> find(String cluster, String group) {
		return tokens.find(cluster, group).map(this::decrypt);
	}

	@Override
	public Optional<FetchTokenHolder> authenticate(FetchToken presented) {
		return tokens.findByLookupHash(lookupHash(presented))
			.filter(row -> MessageDigest.isEqual(decrypt(row).value().getBytes(StandardCharsets.US_ASCII),
					presented.value().getBytes(StandardCharsets.US_ASCII)))
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

	/**
	 * base64url rather than hex, so that it is never mistaken for a certificate key (64
	 * hex characters) by whoever searches logs for leaked secrets. It is not one: without
	 * the master key it confirms nothing.
	 */
	private String lookupHash(FetchToken token) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(lookupKey, token.value()));
	}

	private static byte[] hmac(SecretKeySpec key, String text) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** Microseconds: the finest both H2 and PostgreSQL keep. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}

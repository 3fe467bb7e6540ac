package dev.stoker.secrets;

import java.util.Collection;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Report credentials generated here, encrypted under the master key (each bound to its
 * cluster row and group, under a kind of its own) and found again from a presented value
 * by a keyed hash ({@link ReportTokenLookup}).
 */
@Service
class StoredReportTokens implements ReportTokens {

	private final ReportTokenRepository tokens;

	private final ClusterSecretsRepository clusters;

	private final SecretCipher cipher;

	private final RandomSource random;

	private final ReportTokenLookup lookup;

	private final RecordedMasterKey recordedKey;

	StoredReportTokens(ReportTokenRepository tokens, ClusterSecretsRepository clusters, SecretCipher cipher,
			RandomSource random, MasterKey masterKey, RecordedMasterKey recordedKey) {
		this.tokens = tokens;
		this.clusters = clusters;
		this.cipher = cipher;
		this.random = random;
		this.lookup = new ReportTokenLookup(masterKey);
		this.recordedKey = recordedKey;
	}

	@Override
	public int issue(String cluster, Collection<String> groups) {
		recordedKey.requireForWrite();
		long id = clusters.clusterId(cluster)
			.orElseThrow(() -> new IllegalStateException("There is no cluster " + cluster + " to make tokens for"));
		int made = 0;
		for (String group : tokens.groupsWithout(id)) {
			if (groups.contains(group) && put(id, group).isPresent()) {
				made++;
			}
		}
		return made;
	}

	@Override
	public Optional<ReportToken> rotate(String cluster, String group) {
		recordedKey.requireForWrite();
		return clusters.clusterId(cluster).flatMap((id) -> put(id, group));
	}

	private Optional<ReportToken> put(long clusterId, String group) {
		ReportToken token = ReportToken.generate(random);
		boolean stored = tokens.put(clusterId, group, token.id(), lookup.hash(token),
				cipher.encrypt(token.value(), SecretKind.REPORT_TOKEN.associatedData(clusterId, group)));
		return stored ? Optional.of(token) : Optional.empty();
	}

	@Override
	public Optional<ReportToken> find(String cluster, String group) {
		return tokens.find(cluster, group).map(this::decrypt);
	}

	@Override
	public Optional<ReportTokenHolder> authenticate(ReportToken presented) {
		return PresentedCredentials
			.verified(tokens.findByLookupHash(lookup.hash(presented)), presented.value(), (row) -> decrypt(row).value(),
					recordedKey)
			.map(row -> new ReportTokenHolder(row.cluster(), row.group(), row.tokenId()));
	}

	/** A value moved to another group's or cluster's row does not decrypt there. */
	private ReportToken decrypt(ReportTokenRepository.Row row) {
		String value = cipher.decrypt(row.encrypted(),
				SecretKind.REPORT_TOKEN.associatedData(row.clusterId(), row.group()));
		return ReportToken.parse(value)
			.orElseThrow(() -> new SecretDecryptionException("The stored report credential of cluster " + row.cluster()
					+ " group " + row.group() + " is not in the form of one"));
	}

}

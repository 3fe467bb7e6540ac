package dev.stoker.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Re-encrypts everything the master key protects from one key to another, in the caller's
 * transaction: the kubeadm secrets of every cluster (the control-plane PKI included,
 * where a cluster has one), every fetch token together with its lookup hash, every keeper
 * credential with its own, every report credential with its own, and the retired
 * bootstrap tokens still kept. These are all the columns that hold a ciphertext or a
 * value keyed from the master key (migrations V2, V3, V6, V7 and V9); a column added
 * later belongs here too, and the rotation tests look for the old key's id in every
 * column of every table. Plaintexts stay as they were, so revisions do too, and so do the
 * documents rendered from them.
 */
final class MasterKeyRotation {

	/** How many rows were re-encrypted. */
	record Counts(int clusters, int fetchTokens) {

	}

	/** The secret columns of a cluster_secrets row, each with the kind it is bound to. */
	private static final List<Column> SECRET_COLUMNS = List.of(
			new Column("bootstrap_token", SecretKind.BOOTSTRAP_TOKEN),
			new Column("certificate_key", SecretKind.CERTIFICATE_KEY),
			new Column("ca_certificate", SecretKind.CA_CERTIFICATE), new Column("ca_key", SecretKind.CA_KEY),
			new Column("front_proxy_ca_certificate", SecretKind.FRONT_PROXY_CA_CERTIFICATE),
			new Column("front_proxy_ca_key", SecretKind.FRONT_PROXY_CA_KEY),
			new Column("etcd_ca_certificate", SecretKind.ETCD_CA_CERTIFICATE),
			new Column("etcd_ca_key", SecretKind.ETCD_CA_KEY),
			new Column("service_account_key", SecretKind.SERVICE_ACCOUNT_KEY),
			new Column("service_account_public_key", SecretKind.SERVICE_ACCOUNT_PUBLIC_KEY));

	private record Column(String name, SecretKind kind) {

	}

	/**
	 * A row's values in the order of {@link #SECRET_COLUMNS}; null where a row has none.
	 */
	private record SecretsRow(long clusterId, List<String> values) {

	}

	private record TokenRow(long clusterId, String group, String token) {

	}

	private final JdbcClient jdbc;

	private final SecretCipher from;

	private final SecretCipher to;

	private final FetchTokenLookup lookup;

	private final KeeperTokenLookup keeperLookup;

	private final ReportTokenLookup reportLookup;

	MasterKeyRotation(JdbcClient jdbc, MasterKey from, MasterKey to, RandomSource random) {
		this.jdbc = jdbc;
		this.from = new SecretCipher(from, random);
		this.to = new SecretCipher(to, random);
		this.lookup = new FetchTokenLookup(to);
		this.keeperLookup = new KeeperTokenLookup(to);
		this.reportLookup = new ReportTokenLookup(to);
	}

	/**
	 * Any value that does not decrypt under the old key throws, and the caller's
	 * transaction rolls back whatever was re-encrypted before it.
	 */
	Counts run() {
		String names = SECRET_COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));
		List<SecretsRow> secrets = jdbc.sql("SELECT cluster_id, " + names + " FROM cluster_secrets ORDER BY cluster_id")
			.query((rs, n) -> {
				List<String> values = new ArrayList<>();
				for (int i = 0; i < SECRET_COLUMNS.size(); i++) {
					values.add(rs.getString(i + 2));
				}
				return new SecretsRow(rs.getLong(1), values);
			})
			.list();
		String assignments = SECRET_COLUMNS.stream()
			.map((column) -> column.name() + " = ?")
			.collect(Collectors.joining(", "));
		for (SecretsRow row : secrets) {
			long id = row.clusterId();
			List<Object> params = new ArrayList<>();
			for (int i = 0; i < SECRET_COLUMNS.size(); i++) {
				params.add(again(row.values().get(i), SECRET_COLUMNS.get(i).kind().associatedData(id)));
			}
			params.add(id);
			jdbc.sql("UPDATE cluster_secrets SET " + assignments + " WHERE cluster_id = ?").params(params).update();
		}
		List<TokenRow> tokens = jdbc
			.sql("SELECT cluster_id, node_group, token FROM fetch_token ORDER BY cluster_id, node_group")
			.query((rs, n) -> new TokenRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		for (TokenRow row : tokens) {
			String associatedData = SecretKind.FETCH_TOKEN.associatedData(row.clusterId(), row.group());
			FetchToken token = FetchToken.parse(from.decrypt(row.token(), associatedData))
				.orElseThrow(() -> new SecretDecryptionException("The stored fetch token of cluster row "
						+ row.clusterId() + " group " + row.group() + " is not in the form of a fetch token"));
			jdbc.sql("UPDATE fetch_token SET token = ?, lookup_hash = ? WHERE cluster_id = ? AND node_group = ?")
				.params(to.encrypt(token.value(), associatedData), lookup.hash(token), row.clusterId(), row.group())
				.update();
		}
		keeperTokens();
		reportTokens();
		retiredBootstrapTokens();
		return new Counts(secrets.size(), tokens.size());
	}

	private void keeperTokens() {
		List<TokenRow> rows = jdbc.sql("SELECT cluster_id, token_id, token FROM keeper_token ORDER BY cluster_id")
			.query((rs, n) -> new TokenRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		for (TokenRow row : rows) {
			String associatedData = SecretKind.KEEPER_TOKEN.associatedData(row.clusterId());
			KeeperToken token = KeeperToken.parse(from.decrypt(row.token(), associatedData))
				.orElseThrow(() -> new SecretDecryptionException("The stored keeper credential of cluster row "
						+ row.clusterId() + " is not in the form of one"));
			jdbc.sql("UPDATE keeper_token SET token = ?, lookup_hash = ? WHERE cluster_id = ?")
				.params(to.encrypt(token.value(), associatedData), keeperLookup.hash(token), row.clusterId())
				.update();
		}
	}

	/** A group stored before there were reports has none: its columns stay null. */
	private void reportTokens() {
		List<TokenRow> rows = jdbc
			.sql("SELECT cluster_id, node_group, report_token FROM fetch_token"
					+ " WHERE report_token IS NOT NULL ORDER BY cluster_id, node_group")
			.query((rs, n) -> new TokenRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		for (TokenRow row : rows) {
			String associatedData = SecretKind.REPORT_TOKEN.associatedData(row.clusterId(), row.group());
			ReportToken token = ReportToken.parse(from.decrypt(row.token(), associatedData))
				.orElseThrow(() -> new SecretDecryptionException("The stored report credential of cluster row "
						+ row.clusterId() + " group " + row.group() + " is not in the form of one"));
			jdbc.sql("UPDATE fetch_token SET report_token = ?, report_lookup_hash = ?"
					+ " WHERE cluster_id = ? AND node_group = ?")
				.params(to.encrypt(token.value(), associatedData), reportLookup.hash(token), row.clusterId(),
						row.group())
				.update();
		}
	}

	private void retiredBootstrapTokens() {
		record Retired(long id, long clusterId, String tokenId, String token) {
		}
		List<Retired> rows = jdbc.sql("SELECT id, cluster_id, token_id, token FROM retired_bootstrap_token ORDER BY id")
			.query((rs, n) -> new Retired(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.list();
		for (Retired row : rows) {
			jdbc.sql("UPDATE retired_bootstrap_token SET token = ? WHERE id = ?")
				.params(again(row.token(),
						SecretKind.RETIRED_BOOTSTRAP_TOKEN.associatedData(row.clusterId(), row.tokenId())), row.id())
				.update();
		}
	}

	/**
	 * Null stays null: a cluster has either a certificate key or the control-plane PKI.
	 */
	private String again(String stored, String associatedData) {
		if (stored == null) {
			return null;
		}
		return to.encrypt(from.decrypt(stored, associatedData), associatedData);
	}

}

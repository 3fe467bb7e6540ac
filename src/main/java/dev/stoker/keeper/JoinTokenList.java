package dev.stoker.keeper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import dev.stoker.audit.AuditLog;
import dev.stoker.audit.Disclosure;
import dev.stoker.audit.KeeperCheckIns;
import dev.stoker.audit.Requester;
import dev.stoker.cluster.ClusterService;
import dev.stoker.cluster.StoredCluster;
import dev.stoker.secrets.ClusterSecrets;
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.secrets.RetiredBootstrapToken;
import dev.stoker.secrets.RetiredBootstrapTokens;

/**
 * Answers which bootstrap tokens a cluster should accept, and records what its keepers
 * report. The list holds secrets: it is read and audited in one transaction, like a
 * document.
 */
@Service
class JoinTokenList {

	private static final Logger log = LoggerFactory.getLogger(JoinTokenList.class);

	private static final int MAX_READ_ATTEMPTS = 10;

	private final ClusterService clusters;

	private final ClusterSecrets secrets;

	private final RetiredBootstrapTokens retired;

	private final KeeperCheckIns checkIns;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final KeeperMetrics metrics;

	JoinTokenList(ClusterService clusters, ClusterSecrets secrets, RetiredBootstrapTokens retired,
			KeeperCheckIns checkIns, AuditLog audit, TransactionOperations transactions, Clock clock,
			KeeperMetrics metrics) {
		this.clusters = clusters;
		this.secrets = secrets;
		this.retired = retired;
		this.checkIns = checkIns;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.metrics = metrics;
	}

	/**
	 * The current token, then the replaced ones still in their grace period, read at one
	 * revision of the cluster, which the audit row names; a rotation that commits
	 * meanwhile makes it read again.
	 */
	JoinTokenAnswer list(String cluster, Requester requester) {
		return transactions.execute((status) -> {
			for (int attempt = 1;; attempt++) {
				StoredCluster stored = clusters.get(cluster);
				Optional<KubeadmSecrets> current = secrets.load(cluster, stored.revision());
				if (current.isPresent() && audit
					.recordIfCurrent(Disclosure.ofCluster(cluster, "join-tokens", stored.revision()), requester)) {
					List<JoinTokenAnswer.Entry> tokens = new ArrayList<>();
					tokens.add(new JoinTokenAnswer.Entry(current.get().bootstrapToken().id(),
							current.get().bootstrapToken().value(), true, null));
					for (RetiredBootstrapToken token : retired.listed(cluster, clock.instant())) {
						tokens.add(new JoinTokenAnswer.Entry(token.token().id(), token.token().value(), false,
								token.listedUntil()));
					}
					return new JoinTokenAnswer(cluster, List.copyOf(tokens), checkIns.latestPerNode(cluster));
				}
				if (attempt >= MAX_READ_ATTEMPTS) {
					throw new TransientDataAccessResourceException(
							"cluster " + cluster + " kept changing while its join tokens were read");
				}
			}
		});
	}

	/** Records a keeper's report; the cluster must still exist. */
	void checkIn(String cluster, CheckInReport report, Requester requester) {
		transactions.executeWithoutResult((status) -> {
			clusters.get(cluster);
			checkIns.record(cluster, report.node(), report.present(), report.added(), report.extended(),
					report.deleted(), requester.clientAddress());
		});
		metrics.track(cluster);
		log.info(
				"Join-token keeper on {} of cluster {} checked in: {} listed token(s) held, {} registered,"
						+ " {} extended, {} deleted",
				report.node(), cluster, report.present().size(), report.added().size(), report.extended().size(),
				report.deleted().size());
	}

}

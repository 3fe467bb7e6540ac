package dev.stoker.serving;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import dev.stoker.access.AccessDeniedException;
import dev.stoker.access.Credential;
import dev.stoker.access.CredentialRevokedException;
import dev.stoker.audit.AuditLog;
import dev.stoker.audit.AuditUnavailableException;
import dev.stoker.audit.ClusterGoneException;
import dev.stoker.audit.Disclosure;
import dev.stoker.audit.GroupCommit;
import dev.stoker.audit.KeeperCheckIns;
import dev.stoker.audit.Requester;
import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneYaml;
import dev.stoker.cluster.ClusterService;
import dev.stoker.cluster.ClusterVersion;
import dev.stoker.cluster.NodeGroupNotFoundException;
import dev.stoker.cluster.StoredCluster;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.definition.ValidNode;
import dev.stoker.ignition.ButaneTranspiler;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.keeper.JoinTokenRoutes;
import dev.stoker.render.KeeperAccess;
import dev.stoker.machines.MachineRoutes;
import dev.stoker.render.NodeButane;
import dev.stoker.render.Provenance;
import dev.stoker.render.ReportAccess;
import dev.stoker.secrets.ClusterSecrets;
import dev.stoker.secrets.FetchToken;
import dev.stoker.secrets.FetchTokens;
import dev.stoker.secrets.KeeperTokens;
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.secrets.ReportTokens;
import dev.stoker.secrets.SecretClocks;

/**
 * Serves the documents of a cluster's node groups and static nodes. Each answer reads the
 * cluster's current version, checks the credential against its definition, renders (or
 * finds the document of that version in the {@link RenderCache}), and writes the audit
 * row, which checks the version again in its statement: a document whose disclosure has
 * not been committed is not served, nor one of a version older than the stored one. The
 * rows of concurrent fetches share a commit ({@link GroupCommit}).
 */
@Service
public class NodeDocuments {

	private static final Logger log = LoggerFactory.getLogger(NodeDocuments.class);

	private final ClusterService clusters;

	private final ClusterSecrets secrets;

	private final FetchTokens fetchTokens;

	private final AuditLog audit;

	private final CaBundle caBundle;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final DocumentMetrics metrics;

	private final KeeperTokens keeperTokens;

	private final KeeperCheckIns checkIns;

	private final RenderCache cache;

	private final GroupCommit groupCommit;

	private final ReportTokens reportTokens;

	private static final int MAX_READ_ATTEMPTS = 10;

	NodeDocuments(ClusterService clusters, ClusterSecrets secrets, FetchTokens fetchTokens, AuditLog audit,
			CaBundle caBundle, TransactionOperations transactions, Clock clock, DocumentMetrics metrics,
			KeeperTokens keeperTokens, KeeperCheckIns checkIns, RenderCache cache, GroupCommit groupCommit,
			ReportTokens reportTokens) {
		this.cache = cache;
		this.groupCommit = groupCommit;
		this.reportTokens = reportTokens;
		this.keeperTokens = keeperTokens;
		this.checkIns = checkIns;
		this.metrics = metrics;
		this.clusters = clusters;
		this.secrets = secrets;
		this.fetchTokens = fetchTokens;
		this.audit = audit;
		this.caBundle = caBundle;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * A group's or a static node's butane, ignition or kubeadm document; a control
	 * plane's names {@code base} as where its join-token keeper reaches Stoker.
	 */
	public ServedDocument document(String clusterName, DocumentTarget target, DocumentFormat format,
			Credential credential, Requester requester, URI base) {
		try {
			return serve(clusterName, target, format, credential, requester, base,
					cache.lastVersion(clusterName).orElse(null));
		}
		catch (CredentialRevokedException | AuditUnavailableException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// a refusal (a 403, a 404) to a fetch token kept in memory: if another
			// replica rotated it meanwhile, it gets the 401 of a revoked token instead,
			// and learns nothing of what exists
			if (credential instanceof Credential.Fetch fetch && !fetchTokens.stillCurrent(fetch.holder())) {
				throw new CredentialRevokedException();
			}
			throw ex;
		}
	}

	/**
	 * Serves from {@code lastSeen} first when given, then from the version read from the
	 * database. The audit row checks the version it was served from (row id, revision,
	 * fetch token) in the statement that commits before the answer, so nothing older than
	 * the stored version is served.
	 */
	private ServedDocument serve(String clusterName, DocumentTarget target, DocumentFormat format,
			Credential credential, Requester requester, URI base, ClusterVersion lastSeen) {
		String fetchTokenId = (credential instanceof Credential.Fetch fetch) ? fetch.holder().tokenId() : null;
		for (int attempt = 1;; attempt++) {
			// each read is a statement of its own: the reads need no transaction, and
			// hold no connection meanwhile
			ClusterVersion version = (attempt == 1 && lastSeen != null) ? lastSeen : read(clusterName);
			Optional<StoredCluster> loaded = cache.definition(version, () -> clusters.findAt(clusterName, version));
			if (loaded.isEmpty()) {
				giveUpAfter(attempt, clusterName);
				continue;
			}
			StoredCluster stored = loaded.get();
			boolean fromLastSeen = version == lastSeen;
			Resolved node;
			try {
				node = resolve(stored.cluster(), target, format, credential);
			}
			catch (RuntimeException ex) {
				if (fromLastSeen) {
					// a refusal drawn from the version this replica last saw, which may
					// be behind (a group added since): asked again of the store
					continue;
				}
				throw ex;
			}
			Optional<KubeadmSecrets> secretsAt = cache.secrets(version,
					() -> secrets.load(clusterName, version.revision()));
			if (secretsAt.isEmpty()) {
				giveUpAfter(attempt, clusterName);
				continue;
			}
			KubeadmSecrets kubeadmSecrets = secretsAt.get();
			byte[] body = cache.document(new DocumentKey(version, target, format, base, caBundle.digest()),
					() -> render(node, format, kubeadmSecrets, base, stored.revision()));
			Disclosure disclosure = node.disclosure(format, stored.revision());
			AuditLog.Current current = new AuditLog.Current(version.id(), fetchTokenId);
			boolean bootstrapFetch = format == DocumentFormat.IGNITION && node.group().role() == NodeRole.BOOTSTRAP;
			AuditLog.Outcome outcome;
			try {
				outcome = bootstrapFetch ? recordWithBootstrapFetch(disclosure, requester, current)
						: groupCommit.recordIfCurrent(disclosure, requester, current);
			}
			catch (ClusterGoneException ex) {
				if (fromLastSeen) {
					// read again: answered from the store, a 404, or a 401 for its token
					continue;
				}
				throw ex;
			}
			switch (outcome) {
				case RECORDED -> {
					cache.saw(clusterName, version);
					List<String> warnings = lifecycle(clusterName, version, node, format, target, kubeadmSecrets);
					return new ServedDocument(body, warnings);
				}
				case CREDENTIAL_REVOKED -> {
					fetchTokens.forget(((Credential.Fetch) credential).holder());
					throw new CredentialRevokedException();
				}
				case STALE -> giveUpAfter(attempt, clusterName);
			}
		}
	}

	/** The cluster's current version, read from the database and remembered. */
	private ClusterVersion read(String clusterName) {
		ClusterVersion version = clusters.version(clusterName);
		cache.saw(clusterName, version);
		return version;
	}

	/**
	 * The bootstrap node's first Ignition fetch is when kubeadm init starts the join
	 * secrets' lifetimes: noted in the transaction of its audit row, not in a shared one.
	 */
	private AuditLog.Outcome recordWithBootstrapFetch(Disclosure disclosure, Requester requester,
			AuditLog.Current current) {
		AuditLog.Outcome outcome = transactions.execute((status) -> {
			AuditLog.Outcome recorded = audit.recordIfCurrent(disclosure, requester, current);
			if (recorded == AuditLog.Outcome.RECORDED) {
				secrets.recordBootstrapFetch(disclosure.cluster(), clock.instant());
			}
			return recorded;
		});
		cache.clocksChanged(disclosure.cluster());
		return outcome;
	}

	private String render(Resolved node, DocumentFormat format, KubeadmSecrets kubeadmSecrets, URI base,
			long revision) {
		Timer.Sample sample = metrics.start();
		// the keeper credential is read (and decrypted) only for the formats that
		// carry it: a kubeadm config has no keeper
		String rendered = switch (format) {
			case BUTANE -> ButaneYaml.write(butane(node, kubeadmSecrets, base, revision));
			case IGNITION -> ignition(node, kubeadmSecrets, base, revision);
			case KUBEADM -> node.kubeadm(kubeadmSecrets);
			case USER_DATA -> throw new IllegalArgumentException("the user-data pointer is not a node document");
		};
		// a static node is counted under its group: its own name never tags a meter
		return metrics.rendered(sample, format, node.group().name(), rendered);
	}

	/**
	 * The secrets of the revision that was read: a rotation or PUT that commits between
	 * the read of the definition and that of its secrets moves the revision, and the
	 * caller then reads everything again.
	 */
	private Optional<KubeadmSecrets> secretsAt(StoredCluster stored, int attempt) {
		Optional<KubeadmSecrets> loaded = secrets.load(stored.name(), stored.revision());
		if (loaded.isEmpty()) {
			giveUpAfter(attempt, stored.name());
		}
		return loaded;
	}

	/**
	 * Audits what was served, naming the revision it was read at. The insert checks the
	 * revision in the same statement, and the caller reads everything again when it
	 * moved.
	 */
	private static boolean audited(boolean recorded, String cluster, int attempt) {
		if (recorded) {
			return true;
		}
		giveUpAfter(attempt, cluster);
		return false;
	}

	/**
	 * Writes are rare next to fetches, so a few reads always suffice; past them the
	 * answer is a 503, which nodes retry. Each read again waits a little longer first: a
	 * write that is committing stays visible on one side only for a moment (H2 takes each
	 * table's snapshot as a statement reaches it), and reading again at once would only
	 * see the same moment. A cluster deleted meanwhile is found gone by the next read.
	 */
	private static void giveUpAfter(int attempt, String cluster) {
		if (attempt >= MAX_READ_ATTEMPTS) {
			throw new TransientDataAccessResourceException(
					"cluster " + cluster + " kept changing while its document was read");
		}
		LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(attempt));
	}

	/**
	 * The user-data pointer of a group or static node: fetches its Ignition from
	 * {@code base} with the group's fetch token, pinned to the bytes served now when
	 * {@code verify}.
	 */
	public ServedDocument userData(String clusterName, DocumentTarget target, URI base, boolean verify,
			Requester requester) {
		return transactions.execute((status) -> {
			for (int attempt = 1;; attempt++) {
				Optional<ServedDocument> served = userDataAttempt(clusterName, target, base, verify, requester,
						attempt);
				if (served.isPresent()) {
					return served.get();
				}
			}
		});
	}

	private Optional<ServedDocument> userDataAttempt(String clusterName, DocumentTarget target, URI base,
			boolean verify, Requester requester, int attempt) {
		Timer.Sample sample = metrics.start();
		StoredCluster stored = clusters.get(clusterName);
		Resolved node = resolve(stored.cluster(), target, DocumentFormat.USER_DATA, new Credential.Admin());
		// gone when a PUT that drops the group committed since the definition was read
		FetchToken token = fetchTokens.find(clusterName, node.group().name())
			.orElseThrow(() -> new NodeGroupNotFoundException(clusterName, node.group().name()));
		URI source = DocumentRoutes.url(base, clusterName, target, DocumentFormat.IGNITION);
		Optional<String> served = Optional.empty();
		if (verify) {
			Optional<KubeadmSecrets> loaded = secretsAt(stored, attempt);
			if (loaded.isEmpty()) {
				return Optional.empty();
			}
			served = Optional.of(ignition(node, loaded.get(), base, stored.revision()));
		}
		String pointer = metrics.rendered(sample, DocumentFormat.USER_DATA, node.group().name(),
				UserDataPointer.write(source, token, caBundle.pem(), served));
		int size = pointer.getBytes(StandardCharsets.UTF_8).length;
		if (size > UserDataPointer.EC2_LIMIT) {
			throw new UserDataTooLargeException(size);
		}
		if (!audited(audit.recordIfCurrent(node.disclosure(DocumentFormat.USER_DATA, stored.revision()), requester),
				clusterName, attempt)) {
			return Optional.empty();
		}
		List<String> warnings = "http".equals(source.getScheme()) ? List.of("The pointer fetches over plain http: "
				+ "the fetch token and the document's secrets cross the network unencrypted. Set stoker.public-url "
				+ "to an https URL.") : List.of();
		return Optional.of(new ServedDocument(pointer, warnings));
	}

	/** A join document is checked against the join secrets' lifetimes. */
	private List<String> lifecycle(String clusterName, ClusterVersion version, Resolved node, DocumentFormat format,
			DocumentTarget target, KubeadmSecrets served) {
		NodeRole role = node.group().role();
		if (role == NodeRole.BOOTSTRAP) {
			return List.of();
		}
		List<String> warnings = JoinDeadlines.warnings(clusterName, role, served,
				() -> cache.clocks(clusterName, version,
						() -> secrets.clocks(clusterName).orElse(new SecretClocks(null, null, null))),
				checkIns.latestRecent(clusterName), clock.instant());
		for (String warning : warnings) {
			log.warn("Cluster {} {} {}: served {}, but: {}", clusterName,
					(target instanceof DocumentTarget.Node) ? "node" : "node group", target.name(), format.segment(),
					warning);
		}
		return warnings;
	}

	/**
	 * Finds what a document is asked of, checking the credential first: a fetch token
	 * learns nothing about groups and nodes it does not open, not even whether they
	 * exist. Only the admin is told which groups and nodes there are.
	 */
	private static Resolved resolve(ValidCluster cluster, DocumentTarget target, DocumentFormat format,
			Credential credential) {
		boolean admin = credential instanceof Credential.Admin;
		if (target instanceof DocumentTarget.Node node) {
			Optional<ValidNode> found = cluster.node(node.name());
			if (found.isEmpty() || !credential.opens(cluster.name(), found.get().group().name())) {
				if (!admin) {
					throw new AccessDeniedException();
				}
				throw NodeGroupNotFoundException.staticNode(cluster.name(), node.name(),
						cluster.nodes().stream().map(ValidNode::name).toList());
			}
			return new Resolved(cluster, found.get().group(), found.get());
		}
		if (!credential.opens(cluster.name(), target.name())) {
			throw new AccessDeniedException();
		}
		ValidGroup group = cluster.group(target.name())
			.orElseThrow(() -> NodeGroupNotFoundException.group(cluster.name(), target.name(),
					admin ? cluster.groups().stream().map(ValidGroup::name).toList() : null));
		if (cluster.groupAddresses().isEmpty()) {
			List<String> nodes = cluster.nodes()
				.stream()
				.filter((node) -> node.group().name().equals(group.name()))
				.map(ValidNode::name)
				.toList();
			throw new DocumentNotFoundException("Cluster " + cluster.name()
					+ " takes its nodes' addresses from their nodes entries (addressSource nodes), so node group "
					+ group.name() + " has no document of its own: each of its machines is a static node, served at "
					+ nodeEndpoints(cluster.name(), format) + "."
					+ (admin ? (nodes.isEmpty() ? " It has no static nodes yet: add them under nodes."
							: " Its static nodes: " + String.join(", ", nodes) + ".") : ""));
		}
		return new Resolved(cluster, group, null);
	}

	/**
	 * Where a static node's document of this format is served: a static node has no
	 * kubeadm endpoint, its kubeadm config is inside its Butane and Ignition.
	 */
	private static String nodeEndpoints(String cluster, DocumentFormat format) {
		String base = DocumentRoutes.CLUSTER.replace("{name}", cluster) + DocumentRoutes.NODE;
		if (format == DocumentFormat.KUBEADM) {
			return base + DocumentRoutes.IGNITION + " and " + base + DocumentRoutes.BUTANE
					+ " (its kubeadm config is inside them)";
		}
		return base + format.segment();
	}

	/**
	 * How a control plane's keeper reaches Stoker: the cluster's join-token list under
	 * {@code base}, its credential and Stoker's CA bundle. Null for a worker, and for a
	 * cluster stored before there were keepers until its credential is rotated.
	 */
	private KeeperAccess keeper(Resolved node, URI base) {
		if (node.group().role() == NodeRole.WORKER) {
			return null;
		}
		String ca = caBundle.pem().map((pem) -> new String(pem, StandardCharsets.UTF_8)).orElse(null);
		return keeperTokens.find(node.cluster().name())
			.map((credential) -> new KeeperAccess(JoinTokenRoutes.url(base, node.cluster().name()), credential.value(),
					ca))
			.orElse(null);
	}

	/**
	 * The whole document of a revision: its keeper and reporter reach Stoker at
	 * {@code base}, and its provenance file names both.
	 */
	private ButaneConfig butane(Resolved node, KubeadmSecrets secrets, URI base, long revision) {
		ButaneConfig document = node.butane(secrets, keeper(node, base), report(node, base, revision));
		return new Provenance(node.cluster().name(), node.group().name(),
				(node.node() != null) ? node.node().name() : null, revision, base)
			.addTo(document);
	}

	/** Exactly the Butane, transpiled: the bytes a pointer's hash pins. */
	private String ignition(Resolved node, KubeadmSecrets secrets, URI base, long revision) {
		return IgnitionJson.write(ButaneTranspiler.transpile(butane(node, secrets, base, revision)));
	}

	/**
	 * How the machine reports its progress: the group's report credential, read (and
	 * decrypted) only for the documents that carry it. Null for a group stored before
	 * there were reports, until its credential is rotated or the cluster written again.
	 */
	private ReportAccess report(Resolved node, URI base, long revision) {
		String ca = caBundle.pem().map((pem) -> new String(pem, StandardCharsets.UTF_8)).orElse(null);
		return reportTokens.find(node.cluster().name(), node.group().name())
			.map((credential) -> new ReportAccess(MachineRoutes.reportUrl(base, node.cluster().name()),
					credential.value(), ca, revision))
			.orElse(null);
	}

	/** A node group, or a static node of one. */
	private record Resolved(ValidCluster cluster, ValidGroup group, ValidNode node) {

		ButaneConfig butane(KubeadmSecrets secrets, KeeperAccess keeper, ReportAccess report) {
			return (node != null) ? NodeButane.forNode(cluster, node, secrets, keeper, report)
					: NodeButane.forGroup(cluster, group, secrets, keeper, report);
		}

		String kubeadm(KubeadmSecrets secrets) {
			if (node != null) {
				throw new DocumentNotFoundException(
						"A static node's kubeadm config is inside its Butane and Ignition.");
			}
			return NodeButane.groupKubeadmConfig(cluster, group, secrets);
		}

		Disclosure disclosure(DocumentFormat format, long revision) {
			return (node != null)
					? Disclosure.ofNode(cluster.name(), group.name(), node.name(), format.segment(), revision)
					: Disclosure.ofGroup(cluster.name(), group.name(), format.segment(), revision);
		}

	}

}

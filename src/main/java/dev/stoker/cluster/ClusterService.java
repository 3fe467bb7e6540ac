package dev.stoker.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.stoker.audit.AuditLog;
import dev.stoker.audit.Disclosure;
import dev.stoker.audit.Requester;
import dev.stoker.database.StoredTime;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.definition.validation.InvalidDefinitionException;
import dev.stoker.problem.FieldError;
import dev.stoker.render.SnippetCheck;
import dev.stoker.secrets.ClusterSecrets;
import dev.stoker.secrets.FetchToken;
import dev.stoker.secrets.FetchTokens;
import dev.stoker.secrets.KeeperToken;
import dev.stoker.secrets.KubeadmLifetimes;
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.secrets.NoCertificateKeyException;
import dev.stoker.secrets.ReportToken;
import dev.stoker.secrets.ReportTokens;

/**
 * Creates, replaces and deletes cluster definitions: validation first, then the revision
 * check.
 */
@Service
public class ClusterService {

	private final ClusterRepository repository;

	private final ClusterSecrets secrets;

	private final FetchTokens fetchTokens;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final ClusterValidator validator = new ClusterValidator(new SnippetCheck());

	private final Clock clock;

	private final JoinTokenKeeping keeping;

	private final RevisionHistory history;

	private final ReportTokens reportTokens;

	/**
	 * Each lost race means another write of the same cluster committed, and writes of one
	 * cluster are rare: even dozens of operators writing at once get through in turn well
	 * before this. Past it, the write is answered 503 instead of spinning on.
	 */
	private static final int MAX_ATTEMPTS = 100;

	public ClusterService(ClusterRepository repository, ClusterSecrets secrets, FetchTokens fetchTokens, AuditLog audit,
			TransactionOperations transactions, Clock clock, JoinTokenKeeping keeping, RevisionHistory history,
			ReportTokens reportTokens) {
		this.keeping = keeping;
		this.history = history;
		this.reportTokens = reportTokens;
		this.repository = repository;
		this.secrets = secrets;
		this.fetchTokens = fetchTokens;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	public StoredCluster get(String name) {
		return repository.find(name).orElseThrow(() -> new ClusterNotFoundException(name));
	}

	/**
	 * Which state of the cluster is stored now, in one short read; throws
	 * {@link ClusterNotFoundException} when there is none.
	 */
	public ClusterVersion version(String name) {
		return repository.version(name).orElseThrow(() -> new ClusterNotFoundException(name));
	}

	/** The cluster, only while it is still at {@code version}. */
	public Optional<StoredCluster> findAt(String name, ClusterVersion version) {
		return repository.findAt(name, version);
	}

	public Optional<StoredCluster> find(String name) {
		return repository.find(name);
	}

	public List<StoredCluster> list() {
		return repository.findAll();
	}

	/**
	 * A cluster's revisions, newest first, older than {@code before} when given.
	 */
	public List<Revision> revisions(String name, Long before, int limit) {
		return history.list(name, before, limit).orElseThrow(() -> new ClusterNotFoundException(name));
	}

	/**
	 * One revision of a cluster's definition, while the history keeps it.
	 */
	public Revision revision(String name, long revision) {
		StoredCluster current = get(name);
		return history.find(name, revision)
			.orElseThrow(() -> new RevisionNotFoundException(name, revision, current.revision()));
	}

	/**
	 * Validates a definition as {@link #create} would, storing nothing: throws what
	 * create would for an invalid one.
	 */
	public ValidCluster validateNew(JsonNode body) {
		return validator.validate(body);
	}

	/**
	 * Validates a definition as {@link #replace} would for the cluster in the URL,
	 * storing nothing: throws what replace would, for a missing cluster too.
	 */
	public ValidCluster validateReplacement(String name, JsonNode body) {
		get(name);
		return replacement(name, body);
	}

	private ValidCluster replacement(String name, JsonNode body) {
		ValidCluster cluster = validator.validate(withName(body, name));
		if (!cluster.name().equals(name)) {
			throw new InvalidDefinitionException(List.of(new FieldError("/name",
					"must be " + name + ", the cluster in the URL: a cluster cannot be renamed")));
		}
		return cluster;
	}

	/**
	 * Stores a new cluster with its generated secrets and a fetch token per node group in
	 * one transaction: a cluster whose secrets cannot be stored, or whose tokens'
	 * disclosure cannot be audited, is not created.
	 */
	public ClusterChange create(JsonNode body, Requester requester) {
		ValidCluster cluster = validator.validate(body);
		return transactions.execute((status) -> {
			StoredCluster created = repository.insert(cluster, now());
			history.record(created, Revision.Change.CREATE, requester);
			secrets.create(created.name());
			keeping.create(created.name());
			return withNewFetchTokens(created, requester);
		});
	}

	/**
	 * Replaces a definition of a cluster that exists. The body may leave the name out (it
	 * is the one in the URL) but not change it. A write that loses a race with another
	 * one is judged again on the newer revision, as if it had come second: without a
	 * precondition it is applied, and with one it is applied only if If-Match names the
	 * newer revision too.
	 */
	public ClusterChange replace(String name, JsonNode body, Revisions precondition, Requester requester) {
		// PUT replaces, never creates: a missing cluster is 404 whatever the body holds
		// (a name other than the path's would otherwise read as a rename)
		get(name);
		ValidCluster cluster = replacement(name, body);
		for (int attempt = 1;; attempt++) {
			StoredCluster current = get(name);
			if (!precondition.matches(current.revision())) {
				throw new RevisionMismatchException(name, current.revision());
			}
			Optional<ClusterChange> replaced = transactions
				.execute((status) -> repository.replace(cluster, current.revision(), now()).map((stored) -> {
					history.record(stored, Revision.Change.REPLACE, requester);
					return withNewFetchTokens(stored, requester);
				}));
			if (replaced.isPresent()) {
				return replaced.get();
			}
			// Lost a race: look again, as if this write had come second. The precondition
			// decides whether the newer revision may be overwritten.
			giveUpAfter(attempt, name);
		}
	}

	/**
	 * The body with the URL's name where it has none; the caller's body stays as it is.
	 */
	private static JsonNode withName(JsonNode body, String name) {
		if (body instanceof ObjectNode object && !object.has("name")) {
			ObjectNode named = object.deepCopy();
			named.put("name", name);
			return named;
		}
		return body;
	}

	/**
	 * A write that keeps losing races to other writes of the same cluster stops after a
	 * few attempts with a 503, which the client retries later, instead of spinning.
	 */
	private static void giveUpAfter(int attempt, String name) {
		if (attempt >= MAX_ATTEMPTS) {
			throw new TransientDataAccessResourceException(
					"cluster " + name + " kept changing while this write was applied");
		}
	}

	/**
	 * Deletes a cluster; one that loses a race is judged again on the newer revision, as
	 * a replace is.
	 */
	public void delete(String name, Revisions precondition) {
		for (int attempt = 1;; attempt++) {
			StoredCluster current = get(name);
			if (!precondition.matches(current.revision())) {
				throw new RevisionMismatchException(name, current.revision());
			}
			if (repository.delete(name, current.revision())) {
				return;
			}
			giveUpAfter(attempt, name);
		}
	}

	/**
	 * Replaces a node group's fetch token; the old one stops opening anything when this
	 * commits.
	 */
	public FetchToken rotateFetchToken(String name, String group, Requester requester) {
		return transactions.execute((status) -> {
			StoredCluster cluster = get(name);
			if (cluster.cluster().group(group).isEmpty()) {
				// only the admin rotates: it may be told which groups there are
				throw NodeGroupNotFoundException.group(name, group,
						cluster.cluster().groups().stream().map(ValidGroup::name).toList());
			}
			FetchToken token = fetchTokens.rotate(name, group)
				// gone when a PUT that drops the group committed since the
				// definition was read
				.orElseThrow(() -> new NodeGroupNotFoundException(name, group));
			audit.record(Disclosure.ofGroup(name, group, "fetch-tokens", cluster.revision()), requester);
			return token;
		});
	}

	/**
	 * Replaces the bootstrap token, the certificate key or both, and bumps the revision
	 * (every document changes), in one transaction. A replaced bootstrap token stays
	 * listed to the keepers for the grace period.
	 * @throws NoCertificateKeyException when a certificate key is asked of a cluster that
	 * has the control-plane PKI instead; nothing is rotated
	 */
	public RotatedSecrets rotateSecrets(String name, boolean bootstrapToken, boolean certificateKey,
			Requester requester) throws NoCertificateKeyException {
		for (int attempt = 1;; attempt++) {
			StoredCluster current = get(name);
			Optional<RotatedSecrets> rotated = transactions
				.execute((status) -> repository.replace(current.cluster(), current.revision(), now()).map((stored) -> {
					history.record(stored, Revision.Change.ROTATE_SECRETS, requester);
					// read after the revision moved, so no other rotation can come
					// between
					Optional<KubeadmSecrets> before = bootstrapToken ? secrets.load(name) : Optional.empty();
					KubeadmSecrets secretsNow = secrets.rotate(name, bootstrapToken, certificateKey)
						// its secrets go with the cluster: a DELETE committed meanwhile
						.orElseThrow(() -> new ClusterNotFoundException(name));
					audit.record(Disclosure.ofCluster(name, "rotated-secrets", stored.revision()), requester);
					Instant now = now();
					Instant listedUntil = before.map((old) -> keeping.retire(name, old.bootstrapToken(), now))
						.orElse(null);
					Instant acceptedBy = (bootstrapToken && keeping.lastCheckIn(name).isPresent())
							? now.plus(KubeadmLifetimes.KEEPER_REGISTERS_WITHIN) : null;
					return new RotatedSecrets(stored, secretsNow, bootstrapToken, certificateKey, acceptedBy,
							listedUntil);
				}));
			if (rotated.isPresent()) {
				return rotated.get();
			}
			giveUpAfter(attempt, name);
		}
	}

	/**
	 * Replaces the cluster's keeper credential (or makes the first one of a cluster
	 * stored before there were keepers) and bumps the revision, since control-plane
	 * documents carry it; the old credential stops opening anything when this commits.
	 */
	public RotatedKeeperCredential rotateKeeperCredential(String name, Requester requester) {
		for (int attempt = 1;; attempt++) {
			StoredCluster current = get(name);
			Optional<RotatedKeeperCredential> rotated = transactions
				.execute((status) -> repository.replace(current.cluster(), current.revision(), now()).map((stored) -> {
					history.record(stored, Revision.Change.ROTATE_KEEPER_CREDENTIAL, requester);
					KeeperToken credential = keeping.rotateCredential(name)
						.orElseThrow(() -> new ClusterNotFoundException(name));
					audit.record(Disclosure.ofCluster(name, "keeper-credential", stored.revision()), requester);
					return new RotatedKeeperCredential(stored.revision(), credential);
				}));
			if (rotated.isPresent()) {
				return rotated.get();
			}
			giveUpAfter(attempt, name);
		}
	}

	/**
	 * Replaces a node group's report credential (or makes the first one of a group stored
	 * before there were reports) and bumps the revision, since the group's documents
	 * carry it; the old credential stops opening anything when this commits.
	 */
	public RotatedReportCredential rotateReportCredential(String name, String group, Requester requester) {
		for (int attempt = 1;; attempt++) {
			StoredCluster current = get(name);
			if (current.cluster().group(group).isEmpty()) {
				throw NodeGroupNotFoundException.group(name, group,
						current.cluster().groups().stream().map(ValidGroup::name).toList());
			}
			Optional<RotatedReportCredential> rotated = transactions
				.execute((status) -> repository.replace(current.cluster(), current.revision(), now()).map((stored) -> {
					ReportToken credential = reportTokens.rotate(name, group)
						.orElseThrow(() -> new NodeGroupNotFoundException(name, group));
					audit.record(Disclosure.ofGroup(name, group, "report-credential", stored.revision()), requester);
					history.record(stored, Revision.Change.ROTATE_REPORT_CREDENTIAL, requester);
					return new RotatedReportCredential(stored.revision(), credential);
				}));
			if (rotated.isPresent()) {
				return rotated.get();
			}
			giveUpAfter(attempt, name);
		}
	}

	/**
	 * Gives the groups that have none a fetch token, and audits their disclosure when
	 * there are new ones; and every group that has no report credential one (documents
	 * carry it, this answer does not, so it is no disclosure).
	 */
	private ClusterChange withNewFetchTokens(StoredCluster stored, Requester requester) {
		List<String> groups = stored.cluster().groups().stream().map(ValidGroup::name).toList();
		Map<String, FetchToken> issued = fetchTokens.issue(stored.name(), groups);
		reportTokens.issue(stored.name(), groups);
		if (!issued.isEmpty()) {
			audit.record(Disclosure.ofCluster(stored.name(), "fetch-tokens", stored.revision()), requester);
		}
		return new ClusterChange(stored, issued);
	}

	private Instant now() {
		return StoredTime.now(clock);
	}

}

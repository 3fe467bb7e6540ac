package dev.stoker.machines;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import dev.stoker.audit.Requester;
import dev.stoker.cluster.ClusterService;
import dev.stoker.cluster.StoredCluster;
import dev.stoker.database.StoredTime;
import dev.stoker.definition.ValidGroup;

/**
 * Records machines' reports, one row per machine, and lists them with the stuck flag. A
 * report is filed under the group of the credential that sent it.
 */
@Service
class Machines {

	private static final Logger log = LoggerFactory.getLogger(Machines.class);

	private final MachineRepository repository;

	private final ClusterService clusters;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final MachineSettings settings;

	private final MachineMetrics metrics;

	Machines(MachineRepository repository, ClusterService clusters, TransactionOperations transactions, Clock clock,
			MachineSettings settings, MachineMetrics metrics) {
		this.repository = repository;
		this.clusters = clusters;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
		this.metrics = metrics;
	}

	/**
	 * Writes the report over the machine's row, or makes its row; old machines of the
	 * cluster are pruned first. Two first reports of one machine at once: the one that
	 * loses the insert writes again as an update.
	 */
	void report(String cluster, String group, MachineReport.Checked report, Requester requester) {
		try {
			record(cluster, group, report, requester);
		}
		catch (DuplicateKeyException ex) {
			record(cluster, group, report, requester);
		}
		metrics.track(cluster);
		log.info("Machine {} of cluster {} node group {} reported {} (revision {})", report.machineId(), cluster, group,
				report.phase().wireName(), report.revision());
	}

	private void record(String cluster, String group, MachineReport.Checked report, Requester requester) {
		transactions.executeWithoutResult((status) -> {
			long id = repository.clusterId(cluster).orElseThrow(() -> new MachineClusterGoneException(cluster));
			Instant now = StoredTime.now(clock);
			repository.prune(id, now.minus(settings.retain()));
			Optional<MachinePhase> before = repository.phase(id, report.machineId());
			if (before.isPresent()) {
				repository.update(id, group, report, before.get() != report.phase(), now, requester.clientAddress());
				return;
			}
			if (repository.count(id) >= settings.maxPerCluster()) {
				throw new TooManyReportsException("Cluster " + cluster + " has " + settings.maxPerCluster()
						+ " machines, the most Stoker keeps (stoker.machines.max-per-cluster); machines that have not"
						+ " reported for stoker.machines.retain are forgotten.", 3600);
			}
			repository.insert(id, group, report, now, requester.clientAddress());
		});
	}

	/** The cluster's machines by group: the definition's groups first, in its order. */
	MachineList list(String cluster) {
		return transactions.execute((status) -> {
			StoredCluster stored = clusters.get(cluster);
			long id = repository.clusterId(cluster).orElseThrow(() -> new MachineClusterGoneException(cluster));
			Instant stuckBefore = clock.instant().minus(settings.stuckAfter());
			Map<String, List<Machine>> groups = new LinkedHashMap<>();
			stored.cluster()
				.groups()
				.stream()
				.map(ValidGroup::name)
				.forEach((name) -> groups.put(name, new ArrayList<>()));
			for (MachineRepository.Row row : repository.list(id)) {
				groups.computeIfAbsent(row.group(), (name) -> new ArrayList<>()).add(machine(row, stuckBefore));
			}
			List<MachineList.Group> answer = new ArrayList<>();
			groups.forEach((name, machines) -> answer.add(new MachineList.Group(name, List.copyOf(machines))));
			return new MachineList(cluster, settings.stuckAfter().toSeconds(), List.copyOf(answer));
		});
	}

	static boolean stuck(MachinePhase phase, Instant since, Instant stuckBefore) {
		return phase != MachinePhase.JOINED && since.isBefore(stuckBefore);
	}

	private static Machine machine(MachineRepository.Row row, Instant stuckBefore) {
		return new Machine(row.machineId(), row.instanceId(), row.phase(), row.phaseSince(), row.firstSeen(),
				row.reportedAt(), row.revision(), stuck(row.phase(), row.phaseSince(), stuckBefore), row.node(),
				row.addresses(), row.exitStatus(), row.journal());
	}

}

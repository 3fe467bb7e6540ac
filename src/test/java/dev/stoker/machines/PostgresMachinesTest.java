package dev.stoker.machines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.stoker.PostgresIntegrationTest;
import dev.stoker.TestRequester;
import dev.stoker.cluster.ClusterService;
import dev.stoker.json.Mappers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Machine rows on PostgreSQL: a machine's reports update its one row, the phase's start
 * moves only with the phase, a failure's journal goes with a join, old machines are
 * pruned, and the counts the gauges read group by cluster and phase.
 */
class PostgresMachinesTest extends PostgresIntegrationTest {

	@Autowired
	Machines machines;

	@Autowired
	MachineRepository repository;

	@Autowired
	ClusterService clusters;

	@Test
	void aMachineKeepsOneRowWithItsLastReport() throws Exception {
		clusters.create(Mappers.yaml().readTree(Files.readString(Path.of("examples", "aws-dual-stack.yaml"))),
				TestRequester.ADMIN);
		machines.report("prod-use1", "workers", report("kubeadm-started", null), TestRequester.ADMIN);
		Instant started = only().phaseSince();
		machines.report("prod-use1", "workers", report("kubeadm-started", null), TestRequester.ADMIN);
		assertThat(only().phaseSince()).as("the same phase is no move").isEqualTo(started);
		machines.report("prod-use1", "workers", report("failed", List.of("error execution phase preflight")),
				TestRequester.ADMIN);
		assertThat(only().journal()).containsExactly("error execution phase preflight");
		assertThat(only().exitStatus()).isEqualTo(1);
		machines.report("prod-use1", "workers", report("joined", null), TestRequester.ADMIN);
		MachineRepository.Row joined = only();
		assertThat(joined.phase()).isEqualTo(MachinePhase.JOINED);
		assertThat(joined.journal()).isNull();
		assertThat(joined.exitStatus()).isNull();
		assertThat(joined.addresses()).containsExactly(new MachineReport.Address("InternalIP", "10.0.1.5"));
		assertThat(joined.node()).isEqualTo("ip-10-0-1-5");

		assertThat(repository.counts(Instant.now()))
			.containsExactly(new MachineRepository.Count("prod-use1", MachinePhase.JOINED, 1, 0));
		long id = repository.clusterId("prod-use1").orElseThrow();
		assertThat(repository.prune(id, Instant.now().minusSeconds(3600))).isZero();
		assertThat(repository.prune(id, Instant.now().plusSeconds(1))).isEqualTo(1);
		assertThat(repository.list(id)).isEmpty();
	}

	private MachineRepository.Row only() {
		List<MachineRepository.Row> rows = repository.list(repository.clusterId("prod-use1").orElseThrow());
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	private static MachineReport.Checked report(String phase, List<String> journal) {
		MachinePhase parsed = MachinePhase.of(phase).orElseThrow();
		return new MachineReport.Checked("4c4c4544003510358052b4c04f4b3332", "i-0123456789abcdef0", 1, parsed,
				(parsed == MachinePhase.JOINED) ? "ip-10-0-1-5" : null,
				(parsed == MachinePhase.JOINED) ? List.of(new MachineReport.Address("InternalIP", "10.0.1.5"))
						: List.of(),
				(parsed == MachinePhase.FAILED) ? 1 : null, (journal != null) ? journal : List.of());
	}

}

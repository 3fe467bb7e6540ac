package dev.stoker.machines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

import dev.stoker.database.StoredTime;
import dev.stoker.json.Mappers;

/**
 * The {@code machine} table (migration V9): one row per machine, with its last report.
 * Every statement joins the caller's transaction. Addresses are kept as the JSON Jackson
 * writes of the checked list, journal lines joined by line breaks (no line holds one).
 */
@Repository
class MachineRepository {

	/** A stored row, as the listing reads it. */
	record Row(String group, String machineId, String instanceId, long revision, MachinePhase phase, Instant phaseSince,
			Instant firstSeen, Instant reportedAt, String node, List<MachineReport.Address> addresses,
			Integer exitStatus, List<String> journal) {

	}

	/** How many machines of a cluster are in a phase, and how many of them are stuck. */
	record Count(String cluster, MachinePhase phase, long machines, long stuck) {

	}

	private static final TypeReference<List<MachineReport.Address>> ADDRESSES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	MachineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> clusterId(String cluster) {
		return jdbc.sql("SELECT id FROM cluster WHERE name = ?").param(cluster).query(Long.class).optional();
	}

	Optional<MachinePhase> phase(long clusterId, String machineId) {
		return jdbc.sql("SELECT phase FROM machine WHERE cluster_id = ? AND machine_id = ?")
			.params(clusterId, machineId)
			.query((rs, n) -> phase(rs.getString(1)))
			.optional();
	}

	long count(long clusterId) {
		return jdbc.sql("SELECT COUNT(*) FROM machine WHERE cluster_id = ?")
			.param(clusterId)
			.query(Long.class)
			.single();
	}

	/** Forgets the cluster's machines that have not reported since {@code before}. */
	int prune(long clusterId, Instant before) {
		return jdbc.sql("DELETE FROM machine WHERE cluster_id = ? AND reported_at < ?")
			.params(clusterId, StoredTime.column(before))
			.update();
	}

	void insert(long clusterId, String group, MachineReport.Checked report, Instant now, String clientAddress) {
		jdbc.sql("INSERT INTO machine (cluster_id, machine_id, node_group, instance_id, revision, phase, phase_since,"
				+ " first_seen_at, reported_at, node_name, addresses, exit_status, journal, client_address)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(clusterId, report.machineId(), group, report.instanceId(), report.revision(),
					report.phase().wireName(), StoredTime.column(now), StoredTime.column(now), StoredTime.column(now),
					report.node(), addresses(report), report.exitStatus(), journal(report), clientAddress)
			.update();
	}

	/**
	 * Writes the report over the machine's row. The phase's start moves only when the
	 * phase changed; a joined machine's failure is history and is dropped.
	 */
	void update(long clusterId, String group, MachineReport.Checked report, boolean phaseChanged, Instant now,
			String clientAddress) {
		List<Object> params = new ArrayList<>(List.of(group, report.revision(), report.phase().wireName()));
		String sql = "UPDATE machine SET node_group = ?, revision = ?, phase = ?, reported_at = ?, client_address = ?";
		params.add(StoredTime.column(now));
		params.add(clientAddress);
		if (report.instanceId() != null) {
			sql += ", instance_id = ?";
			params.add(report.instanceId());
		}
		if (phaseChanged) {
			sql += ", phase_since = ?";
			params.add(StoredTime.column(now));
		}
		switch (report.phase()) {
			case JOINED -> {
				sql += ", node_name = ?, addresses = ?, exit_status = NULL, journal = NULL";
				params.add(report.node());
				params.add(addresses(report));
			}
			case FAILED -> {
				sql += ", exit_status = ?, journal = ?";
				params.add(report.exitStatus());
				params.add(journal(report));
			}
			default -> {
			}
		}
		params.add(clusterId);
		params.add(report.machineId());
		jdbc.sql(sql + " WHERE cluster_id = ? AND machine_id = ?").params(params).update();
	}

	List<Row> list(long clusterId) {
		return jdbc
			.sql("SELECT node_group, machine_id, instance_id, revision, phase, phase_since, first_seen_at, reported_at,"
					+ " node_name, addresses, exit_status, journal FROM machine WHERE cluster_id = ?"
					+ " ORDER BY node_group, reported_at DESC, machine_id")
			.param(clusterId)
			.query((rs, n) -> row(rs))
			.list();
	}

	/**
	 * Machines per cluster and phase; stuck ones are those not joined since before
	 * {@code stuckBefore}.
	 */
	List<Count> counts(Instant stuckBefore) {
		return jdbc.sql("SELECT c.name, m.phase, COUNT(*), SUM(CASE WHEN m.phase <> 'joined' AND m.phase_since < ?"
				+ " THEN 1 ELSE 0 END) FROM machine m JOIN cluster c ON c.id = m.cluster_id GROUP BY c.name, m.phase")
			.param(StoredTime.column(stuckBefore))
			.query((rs, n) -> new Count(rs.getString(1), phase(rs.getString(2)), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	private static Row row(ResultSet rs) throws SQLException {
		String addresses = rs.getString(10);
		String journal = rs.getString(12);
		Integer exitStatus = rs.getObject(11, Integer.class);
		return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), phase(rs.getString(5)),
				instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getString(9),
				(addresses != null) ? Mappers.json().readValue(addresses, ADDRESSES) : null, exitStatus,
				(journal != null) ? List.of(journal.split("\n", -1)) : null);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static MachinePhase phase(String stored) {
		return MachinePhase.of(stored)
			.orElseThrow(() -> new IllegalStateException("a stored machine has an unknown phase"));
	}

	private static String addresses(MachineReport.Checked report) {
		return (report.phase() == MachinePhase.JOINED) ? Mappers.json().writeValueAsString(report.addresses()) : null;
	}

	/** Null rather than empty: a failure without journal lines has none to show. */
	private static String journal(MachineReport.Checked report) {
		return (report.phase() == MachinePhase.FAILED && !report.journal().isEmpty())
				? String.join("\n", report.journal()) : null;
	}

}

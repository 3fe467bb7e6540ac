package dev.stoker.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.stoker.audit.Requester;
import dev.stoker.definition.NodeGroup;
import dev.stoker.definition.ValidCluster;

import static dev.stoker.cluster.ClusterDefinitions.everyField;
import static dev.stoker.cluster.ClusterDefinitions.withKubernetesVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link ClusterRepository} database must do; one subclass per database the
 * application runs on, each with a database of its own migrated by the application's
 * Flyway migrations.
 */
abstract class ClusterRepositoryContract {

	/** Timestamps with microseconds, the precision the service writes. */
	private static final Instant CREATED = Instant.parse("2025-03-30T01:02:03.123456Z");

	private static final Instant UPDATED = Instant.parse("2025-06-01T12:00:00.654321Z");

	private static final Instant LATER = Instant.parse("2026-01-02T03:04:05.000001Z");

	private ClusterRepository repository;

	/**
	 * The database under test, empty or migrated; its cluster table is emptied before
	 * each test.
	 */
	protected abstract DataSource dataSource();

	@BeforeEach
	void emptyDatabase() {
		repository = Storage.emptyRepository(dataSource());
	}

	@Test
	void findAnswersWhatWasInsertedAtRevisionOne() {
		ValidCluster definition = everyField("prod-use1");

		StoredCluster inserted = repository.insert(definition, CREATED);

		StoredCluster expected = new StoredCluster(definition, 1, CREATED, CREATED);
		assertThat(inserted).isEqualTo(expected);
		assertThat(repository.find("prod-use1")).contains(expected);
	}

	@Test
	void absentTaintsStayAbsentAndAnEmptyListStaysEmpty() {
		repository.insert(everyField("prod-use1"), CREATED);

		List<NodeGroup> groups = repository.find("prod-use1").orElseThrow().definition().nodeGroups();

		assertThat(groups).extracting(NodeGroup::name).containsExactly("bootstrap", "control-plane", "workers");
		assertThat(groups.get(0).taints()).as("taints of a group that has none: kubeadm's default applies").isNull();
		assertThat(groups.get(1).taints()).as("taints of a group that removed them all").isNotNull().isEmpty();
	}

	@Test
	void timestampsReadBackTheSameInAnyTimeZone() throws SQLException {
		// 02:30 on 2025-10-26 happened twice in Berlin: at 00:30Z, and again
		// an hour later
		Instant firstTime = Instant.parse("2025-10-26T00:30:00.000001Z");
		Instant secondTime = Instant.parse("2025-10-26T01:30:00.000002Z");
		ValidCluster first = everyField("prod-use1");
		ValidCluster second = withKubernetesVersion(first, "v1.34.0");
		StoredCluster expected = new StoredCluster(second, 2, firstTime, secondTime);
		TimeZone defaultZone = TimeZone.getDefault();
		try (Connection connection = dataSource().getConnection()) {
			try {
				TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
				execute(connection, "SET TIME ZONE 'Europe/Berlin'");
				ClusterRepository inBerlin = Storage.repository(new SingleConnectionDataSource(connection, true));
				inBerlin.insert(first, firstTime);
				inBerlin.replace(second, 1, secondTime);

				assertThat(inBerlin.find("prod-use1")).contains(expected);
			}
			finally {
				TimeZone.setDefault(defaultZone);
				execute(connection, "SET TIME ZONE LOCAL");
			}
		}
		assertThat(repository.find("prod-use1")).contains(expected);
	}

	@Test
	void insertOfATakenNameFailsAndLeavesTheFirstClusterAlone() {
		ValidCluster first = everyField("prod-use1");
		repository.insert(first, CREATED);

		assertThatExceptionOfType(ClusterExistsException.class)
			.isThrownBy(() -> repository.insert(withKubernetesVersion(first, "v1.34.0"), UPDATED));

		assertThat(repository.find("prod-use1")).contains(new StoredCluster(first, 1, CREATED, CREATED));
		assertThat(repository.findAll()).hasSize(1);
	}

	@Test
	void findOfAnUnknownNameIsEmpty() {
		repository.insert(everyField("prod-use1"), CREATED);

		assertThat(repository.find("prod-use2")).isEmpty();
		assertThat(repository.find("PROD-USE1")).as("names are case-sensitive").isEmpty();
	}

	@Test
	void findAllIsOrderedByName() {
		// Hyphens and digits sort differently under natural-language collations than
		// by code point.
		List<String> names = List.of("b", "a2", "a-2", "ab", "a10", "a", "a-b", "0a");
		names.forEach((name) -> repository.insert(everyField(name), CREATED));

		assertThat(repository.findAll()).extracting(StoredCluster::name)
			.containsExactly("0a", "a", "a-2", "a-b", "a10", "a2", "ab", "b");
	}

	@Test
	void findAllOfAnEmptyDatabaseIsEmpty() {
		assertThat(repository.findAll()).isEmpty();
	}

	@Test
	void replaceAtTheCurrentRevisionBumpsItAndAnswersTheNewState() {
		ValidCluster first = everyField("prod-use1");
		repository.insert(first, CREATED);
		ValidCluster second = withKubernetesVersion(first, "v1.34.0");

		StoredCluster expected = new StoredCluster(second, 2, CREATED, UPDATED);
		assertThat(repository.replace(second, 1, UPDATED)).contains(expected);
		assertThat(repository.find("prod-use1")).contains(expected);
	}

	@Test
	void replaceAtAStaleRevisionChangesNothing() {
		ValidCluster first = everyField("prod-use1");
		repository.insert(first, CREATED);
		ValidCluster second = withKubernetesVersion(first, "v1.34.0");
		repository.replace(second, 1, UPDATED);

		assertThat(repository.replace(withKubernetesVersion(first, "v1.35.0"), 1, LATER)).isEmpty();

		assertThat(repository.find("prod-use1")).contains(new StoredCluster(second, 2, CREATED, UPDATED));
	}

	@Test
	void replaceOfAnUnknownClusterChangesNothing() {
		repository.insert(everyField("prod-use1"), CREATED);

		assertThat(repository.replace(everyField("prod-use2"), 1, UPDATED)).isEmpty();

		assertThat(repository.findAll()).extracting(StoredCluster::name).containsExactly("prod-use1");
	}

	@Test
	void deleteNeedsTheCurrentRevision() {
		ValidCluster first = everyField("prod-use1");
		repository.insert(first, CREATED);
		repository.replace(withKubernetesVersion(first, "v1.34.0"), 1, UPDATED);

		assertThat(repository.delete("prod-use1", 1)).isFalse();
		assertThat(repository.find("prod-use1")).get().extracting(StoredCluster::revision).isEqualTo(2L);

		assertThat(repository.delete("prod-use1", 2)).isTrue();
		assertThat(repository.find("prod-use1")).isEmpty();
		assertThat(repository.findAll()).isEmpty();
		assertThat(repository.delete("prod-use1", 2)).as("deleting it again").isFalse();
	}

	@Test
	void deleteLeavesOtherClustersAlone() {
		repository.insert(everyField("prod-use1"), CREATED);
		repository.insert(everyField("prod-use2"), CREATED);

		assertThat(repository.delete("prod-use1", 1)).isTrue();

		assertThat(repository.findAll()).extracting(StoredCluster::name).containsExactly("prod-use2");
	}

	@Test
	void aDeletedNameCanBeUsedAgainFromRevisionOne() {
		ValidCluster first = everyField("prod-use1");
		repository.insert(first, CREATED);
		repository.replace(withKubernetesVersion(first, "v1.34.0"), 1, UPDATED);
		repository.delete("prod-use1", 2);

		repository.insert(first, LATER);

		assertThat(repository.find("prod-use1")).contains(new StoredCluster(first, 1, LATER, LATER));
	}

	/**
	 * Each revision as a write keeps it, in the write's transaction, with only the newest
	 * ones kept.
	 */
	@Test
	void theHistoryKeepsTheNewestRevisionsAndForgetsOlderOnes() {
		RevisionHistory history = new JdbcRevisionHistory(JdbcClient.create(dataSource()), new HistorySettings(3));
		ValidCluster first = everyField("prod-use1");
		StoredCluster stored = repository.insert(first, CREATED);
		history.record(stored, Revision.Change.CREATE, new Requester("admin", null, "127.0.0.1", "request-1"));
		for (int patch = 1; patch <= 4; patch++) {
			stored = repository.replace(withKubernetesVersion(first, "v1.34." + patch), stored.revision(), LATER)
				.orElseThrow();
			history.record(stored, Revision.Change.REPLACE,
					new Requester("admin", null, "127.0.0.1", "request-" + stored.revision()));
		}

		assertThat(history.list("prod-use1", null, 100).orElseThrow()).extracting(
				(r) -> r.revision() + " " + r.change() + " " + r.requestId() + " " + r.definition().kubernetesVersion())
			.containsExactly("5 replace request-5 v1.34.4", "4 replace request-4 v1.34.3",
					"3 replace request-3 v1.34.2");
		assertThat(history.find("prod-use1", 2)).as("older than the newest three").isEmpty();
		assertThat(history.find("prod-use1", 5).orElseThrow().time()).isEqualTo(LATER);
		assertThat(history.list("prod-use1", 5L, 1).orElseThrow()).extracting(Revision::revision).containsExactly(4L);
		assertThat(history.list("nowhere", null, 100)).isEmpty();
	}

	@Test
	void aDeletedClusterTakesItsHistoryWithIt() {
		RevisionHistory history = new JdbcRevisionHistory(JdbcClient.create(dataSource()), new HistorySettings(100));
		history.record(repository.insert(everyField("prod-use1"), CREATED), Revision.Change.CREATE,
				new Requester("admin", null, "127.0.0.1", "request-1"));
		repository.delete("prod-use1", 1);

		StoredCluster again = repository.insert(everyField("prod-use1"), LATER);

		assertThat(
				JdbcClient.create(dataSource()).sql("SELECT count(*) FROM cluster_revision").query(Long.class).single())
			.isZero();
		assertThat(history.list("prod-use1", null, 100)).contains(List.of());
		assertThat(again.revision()).isEqualTo(1);
	}

	@Test
	void aRetentionBelowOneIsRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new HistorySettings(0))
			.withMessage("stoker.history.retention must be at least 1: the current revision is always kept");
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}

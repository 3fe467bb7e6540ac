package dev.stoker.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import dev.stoker.TestRequester;
import dev.stoker.audit.AuditLog;
import dev.stoker.definition.ValidCluster;

import static dev.stoker.cluster.ClusterDefinitions.body;
import static dev.stoker.cluster.ClusterDefinitions.marker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers racing for one cluster through {@link ClusterService}, on a real database: the
 * revision check must hold when the database, not the JVM, decides who wins. Writers are
 * released together by a barrier and each has a connection of its own.
 */
abstract class ClusterConcurrencyContract {

	private static final int WRITERS = 16;

	private ClusterRepository repository;

	private ClusterService service;

	/**
	 * The database under test, empty or migrated; its cluster table is emptied before
	 * each test.
	 */
	protected abstract DataSource dataSource();

	@BeforeEach
	void emptyDatabase() {
		repository = Storage.emptyRepository(dataSource());
		service = service(repository);
		service.create(body("race", "created"), TestRequester.ADMIN);
	}

	@RepeatedTest(5)
	void ofTwoWritersWithTheSameIfMatchExactlyOneWins() throws Exception {
		Revisions ifMatch = Revisions.ifMatch("\"1\"");

		List<Outcome> outcomes = runTogether(
				List.of(() -> service.replace("race", body("race", "left"), ifMatch, TestRequester.ADMIN).stored(),
						() -> service.replace("race", body("race", "right"), ifMatch, TestRequester.ADMIN).stored()));

		List<StoredCluster> written = outcomes.stream().flatMap((o) -> o.written().stream()).toList();
		assertThat(written).as("successful writes").hasSize(1);
		assertThat(written.get(0).revision()).isEqualTo(2);
		assertThat(outcomes).filteredOn((o) -> o.failure() != null)
			.singleElement()
			.satisfies((loser) -> assertThat(loser.failure()).isInstanceOf(RevisionMismatchException.class));
		StoredCluster stored = repository.find("race").orElseThrow();
		assertThat(stored.revision()).isEqualTo(2);
		assertThat(stored.definition()).isEqualTo(written.get(0).definition());
	}

	@RepeatedTest(3)
	void unconditionalWritersAllWinOneAfterTheOther() throws Exception {
		List<Callable<StoredCluster>> writers = IntStream.range(0, WRITERS)
			.<Callable<StoredCluster>>mapToObj((i) -> () -> service
				.replace("race", body("race", "writer-" + i), Revisions.UNCONDITIONAL, TestRequester.ADMIN)
				.stored())
			.toList();

		List<Outcome> outcomes = runTogether(writers);

		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.failure()).isNull());
		// Each writer is answered with its own write: the revision (its ETag) and
		// definition it wrote.
		for (int i = 0; i < WRITERS; i++) {
			StoredCluster written = outcomes.get(i).written().orElseThrow();
			assertThat(marker(written.cluster())).as("definition answered to writer %d", i).isEqualTo("writer-" + i);
		}
		assertThat(outcomes).extracting((o) -> o.written().orElseThrow().revision())
			.as("revisions answered")
			.containsExactlyInAnyOrderElementsOf(
					IntStream.rangeClosed(2, WRITERS + 1).mapToObj(Long::valueOf).toList());
		StoredCluster stored = repository.find("race").orElseThrow();
		assertThat(stored.revision()).isEqualTo(1 + WRITERS);
		StoredCluster last = outcomes.stream()
			.map((o) -> o.written().orElseThrow())
			.filter((w) -> w.revision() == stored.revision())
			.findFirst()
			.orElseThrow();
		assertThat(stored.definition()).as("the definition of the writer that got the last revision")
			.isEqualTo(last.definition());
	}

	/**
	 * If-Match may name several revisions. A writer that loses a race to a change whose
	 * revision is one of them still meets its precondition, and must be applied rather
	 * than refused.
	 */
	@Test
	void aWriterThatLosesARaceToARevisionItAcceptsIsApplied() {
		ClusterService racing = service(new LosesFirstRace(repository));

		StoredCluster written = racing
			.replace("race", body("race", "mine"), Revisions.ifMatch("\"1\", \"2\""), TestRequester.ADMIN)
			.stored();

		assertThat(written.revision()).isEqualTo(3);
		assertThat(marker(written.cluster())).isEqualTo("mine");
		assertThat(repository.find("race")).contains(written);
	}

	@Test
	void aDeleteThatLosesARaceToARevisionItAcceptsIsApplied() {
		ClusterService racing = service(new LosesFirstRace(repository));

		racing.delete("race", Revisions.ifMatch("\"1\", \"2\""));

		assertThat(repository.find("race")).isEmpty();
	}

	/**
	 * The races are about definitions, so the service makes no secrets and no tokens, and
	 * so has nothing to audit.
	 */
	private ClusterService service(ClusterRepository repository) {
		return new ClusterService(repository, new NoClusterSecrets(), new NoFetchTokens(),
				new AuditLog(new JdbcTemplate(dataSource()), Clock.systemUTC()),
				TransactionOperations.withoutTransaction(), Clock.systemUTC(), new NoJoinTokenKeeping(),
				new NoRevisionHistory(), new NoReportTokens());
	}

	/**
	 * Runs the tasks on threads of their own, all released at once; waits at most 60
	 * seconds.
	 */
	private static List<Outcome> runTogether(List<Callable<StoredCluster>> tasks) throws InterruptedException {
		CyclicBarrier start = new CyclicBarrier(tasks.size());
		ExecutorService executor = Executors.newFixedThreadPool(tasks.size());
		try {
			List<Future<StoredCluster>> futures = new ArrayList<>();
			for (Callable<StoredCluster> task : tasks) {
				futures.add(executor.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return task.call();
				}));
			}
			List<Outcome> outcomes = new ArrayList<>();
			for (Future<StoredCluster> future : futures) {
				outcomes.add(Outcome.of(future));
			}
			return outcomes;
		}
		finally {
			executor.shutdownNow();
		}
	}

	/** What one writer got: the state it wrote, or why it did not write. */
	private record Outcome(Optional<StoredCluster> written, Throwable failure) {

		static Outcome of(Future<StoredCluster> future) throws InterruptedException {
			try {
				return new Outcome(Optional.of(future.get(60, TimeUnit.SECONDS)), null);
			}
			catch (ExecutionException ex) {
				return new Outcome(Optional.empty(), ex.getCause());
			}
			catch (TimeoutException ex) {
				throw new AssertionError("a writer did not finish within 60 seconds", ex);
			}
		}

	}

	/**
	 * A repository on which another writer always gets in first: just before the first
	 * replace or delete, the cluster is replaced at the revision the caller expects,
	 * which moves it one on.
	 */
	private static final class LosesFirstRace implements ClusterRepository {

		private final ClusterRepository delegate;

		private boolean raced;

		LosesFirstRace(ClusterRepository delegate) {
			this.delegate = delegate;
		}

		@Override
		public Optional<StoredCluster> find(String name) {
			return delegate.find(name);
		}

		@Override
		public Optional<ClusterVersion> version(String name) {
			return delegate.version(name);
		}

		@Override
		public Optional<StoredCluster> findAt(String name, ClusterVersion version) {
			return delegate.findAt(name, version);
		}

		@Override
		public List<StoredCluster> findAll() {
			return delegate.findAll();
		}

		@Override
		public StoredCluster insert(ValidCluster definition, Instant now) {
			return delegate.insert(definition, now);
		}

		@Override
		public Optional<StoredCluster> replace(ValidCluster definition, long expectedRevision, Instant now) {
			race(definition.name(), expectedRevision);
			return delegate.replace(definition, expectedRevision, now);
		}

		@Override
		public boolean delete(String name, long expectedRevision) {
			race(name, expectedRevision);
			return delegate.delete(name, expectedRevision);
		}

		private void race(String name, long expectedRevision) {
			if (!raced) {
				raced = true;
				StoredCluster current = delegate.find(name).orElseThrow();
				assertThat(delegate.replace(current.cluster(), expectedRevision, Instant.now())).isPresent();
			}
		}

	}

}

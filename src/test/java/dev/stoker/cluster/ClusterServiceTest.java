package dev.stoker.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.stoker.TestRequester;
import dev.stoker.audit.AuditLog;
import dev.stoker.definition.ValidCluster;

import static dev.stoker.cluster.ClusterDefinitions.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a replace does with the body it is given, and with a cluster that never stops
 * changing under it.
 */
class ClusterServiceTest {

	private final InMemoryClusterRepository repository = new InMemoryClusterRepository();

	private final AtomicInteger replaces = new AtomicInteger();

	/** Every replace loses its race, as if another write always committed first. */
	private final ClusterRepository alwaysChanging = new InMemoryClusterRepository() {

		@Override
		public Optional<StoredCluster> find(String name) {
			return repository.find(name);
		}

		@Override
		public Optional<StoredCluster> replace(ValidCluster cluster, long expectedRevision, Instant now) {
			replaces.incrementAndGet();
			return Optional.empty();
		}

		@Override
		public boolean delete(String name, long expectedRevision) {
			replaces.incrementAndGet();
			return false;
		}

	};

	@BeforeEach
	void oneCluster() {
		service(repository).create(body("stored", "first"), TestRequester.ADMIN);
	}

	@Test
	void aReplaceWithoutANameTakesTheUrlsAndLeavesTheBodyAsItWas() {
		ObjectNode body = (ObjectNode) body("stored", "second");
		body.remove("name");
		JsonNode before = body.deepCopy();

		ClusterChange replaced = service(repository).replace("stored", body, Revisions.UNCONDITIONAL,
				TestRequester.ADMIN);

		assertThat(replaced.stored().name()).isEqualTo("stored");
		assertThat(replaced.stored().revision()).isEqualTo(2);
		assertThat(body).isEqualTo(before);
	}

	@Test
	void aReplaceThatKeepsLosingItsRaceGivesUpWith503AfterAHundredTries() {
		assertThatExceptionOfType(TransientDataAccessResourceException.class)
			.isThrownBy(() -> service(alwaysChanging).replace("stored", body("stored", "second"),
					Revisions.UNCONDITIONAL, TestRequester.ADMIN))
			.withMessage("cluster stored kept changing while this write was applied");
		assertThat(replaces).hasValue(100);
	}

	@Test
	void aDeleteThatKeepsLosingItsRaceGivesUpToo() {
		assertThatExceptionOfType(TransientDataAccessResourceException.class)
			.isThrownBy(() -> service(alwaysChanging).delete("stored", Revisions.UNCONDITIONAL));
		assertThat(replaces).hasValue(100);
	}

	private static ClusterService service(ClusterRepository repository) {
		return new ClusterService(repository, new NoClusterSecrets(), new NoFetchTokens(),
				new AuditLog(new JdbcTemplate(), Clock.systemUTC()), TransactionOperations.withoutTransaction(),
				Clock.systemUTC(), new NoJoinTokenKeeping(), new NoRevisionHistory(), new NoReportTokens());
	}

}

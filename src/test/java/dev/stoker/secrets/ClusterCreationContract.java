package dev.stoker.secrets;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.stoker.TestDefinitions;
import dev.stoker.TestRequester;
import dev.stoker.cluster.ClusterService;
import dev.stoker.cluster.Revisions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

/**
 * Creating a cluster through the whole application stores its secrets in the same
 * transaction: when they cannot be stored, the cluster is not created either. An
 * interface, so that the H2 and PostgreSQL variants can each extend their own base.
 */
interface ClusterCreationContract {

	/**
	 * The application on the database under test, with a Mockito spy standing in for its
	 * {@link ClusterSecretsRepository} (real unless told to fail).
	 */
	ApplicationContext context();

	private ClusterService clusters() {
		return context().getBean(ClusterService.class);
	}

	private ClusterSecrets secrets() {
		return context().getBean(ClusterSecrets.class);
	}

	private ClusterSecretsRepository secretsRepository() {
		return context().getBean(ClusterSecretsRepository.class);
	}

	private JdbcClient jdbc() {
		return context().getBean(JdbcClient.class);
	}

	private static JsonNode definition(String name) {
		return JsonMapper.builder().build().readTree(TestDefinitions.dualStackAws(name));
	}

	private long rows(String table) {
		return jdbc().sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	@Test
	default void aCreatedClusterHasItsSecrets() {
		clusters().create(definition("with-secrets"), TestRequester.ADMIN);

		assertThat(secrets().load("with-secrets"))
			.hasValueSatisfying((loaded) -> assertThat(loaded.bootstrapToken().value()).matches(BootstrapToken.FORMAT));
	}

	@Test
	default void whenTheSecretsCannotBeStoredTheClusterIsNotCreated() {
		long clusters = rows("cluster");
		long secrets = rows("cluster_secrets");
		doThrow(new DataAccessResourceFailureException("simulated: the secrets insert failed"))
			.when(secretsRepository())
			.insert(any());
		try {
			assertThatExceptionOfType(DataAccessResourceFailureException.class)
				.isThrownBy(() -> clusters().create(definition("half-made"), TestRequester.ADMIN));
		}
		finally {
			doCallRealMethod().when(secretsRepository()).insert(any());
		}

		assertThat(rows("cluster")).isEqualTo(clusters);
		assertThat(rows("cluster_secrets")).isEqualTo(secrets);
		assertThat(clusters().list()).noneSatisfy((stored) -> assertThat(stored.name()).isEqualTo("half-made"));
		// and nothing is left behind that would stop a second try
		clusters().create(definition("half-made"), TestRequester.ADMIN);
		assertThat(secrets().load("half-made")).isPresent();
	}

	@Test
	default void deletingAClusterDeletesItsSecrets() {
		clusters().create(definition("short-lived"), TestRequester.ADMIN);
		long secrets = rows("cluster_secrets");

		clusters().delete("short-lived", Revisions.UNCONDITIONAL);

		assertThat(secrets().load("short-lived")).isEmpty();
		assertThat(rows("cluster_secrets")).isEqualTo(secrets - 1);
	}

}

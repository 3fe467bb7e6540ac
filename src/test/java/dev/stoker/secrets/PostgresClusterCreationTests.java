package dev.stoker.secrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import dev.stoker.PostgresIntegrationTest;
import dev.stoker.cluster.ClusterService;

/** Cluster creation with its secrets, on PostgreSQL. */
class PostgresClusterCreationTests extends PostgresIntegrationTest implements ClusterCreationContract {

	@Autowired
	ClusterService clusters;

	@Autowired
	ClusterSecrets secrets;

	@MockitoSpyBean
	ClusterSecretsRepository secretsRepository;

	@Autowired
	JdbcClient jdbc;

	@Override
	public ClusterService clusters() {
		return clusters;
	}

	@Override
	public ClusterSecrets secrets() {
		return secrets;
	}

	@Override
	public ClusterSecretsRepository secretsRepository() {
		return secretsRepository;
	}

	@Override
	public JdbcClient jdbc() {
		return jdbc;
	}

}

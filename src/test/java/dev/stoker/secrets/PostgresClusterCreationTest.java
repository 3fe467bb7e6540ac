package dev.stoker.secrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import dev.stoker.PostgresIntegrationTest;

/** Cluster creation with its secrets, on PostgreSQL. */
class PostgresClusterCreationTest extends PostgresIntegrationTest implements ClusterCreationContract {

	/** Declared so that the context holds a spy; the contract finds it there. */
	@MockitoSpyBean
	ClusterSecretsRepository secretsRepository;

	@Autowired
	ApplicationContext context;

	@Override
	public ApplicationContext context() {
		return context;
	}

}

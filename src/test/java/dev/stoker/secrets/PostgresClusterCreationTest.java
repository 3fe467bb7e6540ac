package dev.stoker.secrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.stoker.PostgresIntegrationTest;

/**
 * Cluster creation with its secrets, on PostgreSQL. The application holds the spy on the
 * secrets repository that the contract stubs (see {@link SpiedSecretsRepository}).
 */
class PostgresClusterCreationTest extends PostgresIntegrationTest implements ClusterCreationContract {

	@Autowired
	ApplicationContext context;

	@Override
	public ApplicationContext context() {
		return context;
	}

}

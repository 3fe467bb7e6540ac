package dev.stoker.secrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.stoker.SharedApplication;

/**
 * Cluster creation with its secrets, on the embedded H2 database. The shared application
 * holds the spy on the secrets repository that the contract stubs (see
 * {@link SpiedSecretsRepository}).
 */
@SharedApplication
class H2ClusterCreationTest implements ClusterCreationContract {

	@Autowired
	ApplicationContext context;

	@Override
	public ApplicationContext context() {
		return context;
	}

}

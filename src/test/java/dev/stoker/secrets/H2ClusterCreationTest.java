package dev.stoker.secrets;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** Cluster creation with its secrets, on the embedded H2 database. */
@SpringBootTest
class H2ClusterCreationTest implements ClusterCreationContract {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void embeddedDatabase(DynamicPropertyRegistry registry) {
		registry.add("stoker.data-dir", dataDir::toString);
	}

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

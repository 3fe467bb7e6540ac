package dev.stoker.secrets;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import dev.stoker.cluster.ClusterService;

/** Cluster creation with its secrets, on the embedded H2 database. */
@SpringBootTest
class H2ClusterCreationTest implements ClusterCreationContract {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void embeddedDatabase(DynamicPropertyRegistry registry) {
		registry.add("stoker.data-dir", dataDir::toString);
	}

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

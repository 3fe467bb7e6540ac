package dev.stoker.secrets;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.stoker.audit.AuditLog;
import dev.stoker.cluster.ClusterService;
import dev.stoker.render.NodeDocuments;

/** What node access keeps, on the embedded H2 database. */
@SpringBootTest
class H2NodeAccessStorageTest implements NodeAccessStorageContract {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void embeddedDatabase(DynamicPropertyRegistry registry) {
		registry.add("stoker.data-dir", dataDir::toString);
	}

	@Autowired
	ClusterService clusters;

	@Autowired
	FetchTokens fetchTokens;

	@Autowired
	ClusterSecrets secrets;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NodeDocuments documents;

	@Override
	public ClusterService clusters() {
		return clusters;
	}

	@Override
	public FetchTokens fetchTokens() {
		return fetchTokens;
	}

	@Override
	public ClusterSecrets secrets() {
		return secrets;
	}

	@Override
	public AuditLog audit() {
		return audit;
	}

	@Override
	public JdbcClient jdbc() {
		return jdbc;
	}

	@Override
	public NodeDocuments documents() {
		return documents;
	}

}

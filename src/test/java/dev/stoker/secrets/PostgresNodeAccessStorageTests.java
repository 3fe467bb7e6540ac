package dev.stoker.secrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.stoker.PostgresIntegrationTest;
import dev.stoker.audit.AuditLog;
import dev.stoker.cluster.ClusterService;
import dev.stoker.render.NodeDocuments;

/** What node access keeps, on PostgreSQL. */
class PostgresNodeAccessStorageTests extends PostgresIntegrationTest implements NodeAccessStorageContract {

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

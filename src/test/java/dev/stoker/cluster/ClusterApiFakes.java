package dev.stoker.cluster;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.transaction.support.TransactionOperations;

import dev.stoker.StokerProperties;
import dev.stoker.access.FetchTokenScope;
import dev.stoker.access.KeeperTokenScope;
import dev.stoker.access.ReportTokenScope;
import dev.stoker.audit.AuditLog;
import dev.stoker.secrets.ClusterSecrets;
import dev.stoker.secrets.FetchTokens;
import dev.stoker.secrets.KeeperToken;
import dev.stoker.secrets.KeeperTokenHolder;
import dev.stoker.secrets.KeeperTokens;
import dev.stoker.secrets.ReportTokens;
import dev.stoker.web.WebConfigForTests;

/**
 * What the {@link ClusterApiSlice} puts around the cluster API instead of the real thing.
 */
@TestConfiguration
@EnableConfigurationProperties(StokerProperties.class)
@Import(WebConfigForTests.class)
class ClusterApiFakes {

	@Bean
	@Primary
	Clock fixedClock() {
		return Clock.fixed(Instant.parse("2026-11-28T12:00:00.123456789Z"), ZoneOffset.UTC);
	}

	@Bean
	ClusterSecrets noSecrets() {
		return new NoClusterSecrets();
	}

	@Bean
	FetchTokens noFetchTokens() {
		return new NoFetchTokens();
	}

	@Bean
	FetchTokenScope noDocuments() {
		return (holder, method, path) -> false;
	}

	@Bean
	RevisionHistory noHistory() {
		return new NoRevisionHistory();
	}

	/** No group has a report credential here: every presented one is unknown. */
	@Bean
	ReportTokens noReportCredentials() {
		return new NoReportTokens();
	}

	@Bean
	JoinTokenKeeping noKeepers() {
		return new NoJoinTokenKeeping();
	}

	/** No cluster has a keeper credential here: every presented one is unknown. */
	@Bean
	KeeperTokens noKeeperCredentials() {
		return new KeeperTokens() {

			@Override
			public KeeperToken create(String cluster) {
				throw new UnsupportedOperationException("no keeper credentials in the API slice");
			}

			@Override
			public Optional<KeeperToken> rotate(String cluster) {
				return Optional.empty();
			}

			@Override
			public Optional<KeeperToken> find(String cluster) {
				return Optional.empty();
			}

			@Override
			public Optional<KeeperTokenHolder> authenticate(KeeperToken presented) {
				return Optional.empty();
			}

		};
	}

	@Bean
	KeeperTokenScope noJoinTokens() {
		return (holder, method, path) -> false;
	}

	@Bean
	ReportTokenScope noReports() {
		return (holder, method, path) -> false;
	}

	/**
	 * Never written to: the fake secrets issue no tokens, so nothing is disclosed.
	 */
	@Bean
	AuditLog auditLog(Clock clock) {
		return new AuditLog(new JdbcTemplate(), clock);
	}

	/** The fake repository has no transactions to take part in. */
	@Bean
	TransactionOperations transactions() {
		return TransactionOperations.withoutTransaction();
	}

	/**
	 * Before each test class, the store as a fresh start has it: empty, and reachable. A
	 * slice not started yet starts that way.
	 */
	static final class FreshStore implements TestExecutionListener {

		@Override
		public void beforeTestClass(TestContext testContext) {
			if (testContext.hasApplicationContext()) {
				InMemoryClusterRepository store = testContext.getApplicationContext()
					.getBean(InMemoryClusterRepository.class);
				store.clear();
				store.reconnect();
			}
		}

	}

}

package dev.stoker.access;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import dev.stoker.StokerProperties;
import dev.stoker.secrets.FetchToken;
import dev.stoker.secrets.FetchTokenHolder;
import dev.stoker.secrets.FetchTokens;
import dev.stoker.secrets.KeeperToken;
import dev.stoker.secrets.KeeperTokenHolder;
import dev.stoker.secrets.KeeperTokens;
import dev.stoker.secrets.ReportToken;
import dev.stoker.secrets.ReportTokenHolder;
import dev.stoker.secrets.ReportTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access filter when the database it looks fetch tokens up in is down: a node's fetch
 * is answered 503 with Retry-After, which Ignition retries, never 401, which it would
 * not.
 */
class AccessFilterTest {

	private static final String ADMIN = "access-filter-admin-token-0123456789";

	private static final String FETCH = "stf.abcdefghijkl.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

	private final AdminToken adminToken = new AdminToken(new StokerProperties(Path.of("unused"),
			DataSize.ofMegabytes(1), new StokerProperties.Admin(ADMIN), new StokerProperties.Master(null, null), null,
			new StokerProperties.Tls(null), new StokerProperties.UserData(false)));

	private final AccessFilter filter = new AccessFilter(adminToken, new DatabaseDown(), (holder, method, path) -> {
		throw new DataAccessResourceFailureException("down");
	}, new KeeperDatabaseDown(), (holder, method, path) -> {
		throw new DataAccessResourceFailureException("down");
	}, new ReportDatabaseDown(), (holder, method, path) -> {
		throw new DataAccessResourceFailureException("down");
	});

	@Test
	void newRequestIdsAreDistinctVersion4Uuids() {
		java.util.Set<java.util.UUID> ids = new java.util.HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			java.util.UUID id = AccessFilter.newRequestId();
			assertThat(id.version()).isEqualTo(4);
			assertThat(id.variant()).isEqualTo(2);
			assertThat(java.util.UUID.fromString(id.toString())).isEqualTo(id);
			ids.add(id);
		}
		assertThat(ids).hasSize(10_000);
	}

	@Test
	void aFetchTokenThatCannotBeLookedUpIsAnswered503() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET",
				"/api/v1/clusters/c/node-groups/workers/ignition");
		request.addHeader("Authorization", "Bearer " + FETCH);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		filter.doFilter(request, response, chain);

		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getHeader("X-Request-Id")).isNotBlank();
		assertThat(response.getContentAsString()).contains("urn:stoker:problem:unavailable").doesNotContain(FETCH);
	}

	@Test
	void theAdminTokenNeedsNoDatabase() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/clusters");
		request.addHeader("Authorization", "Bearer " + ADMIN);
		request.addHeader("X-Request-Id", "deploy-42");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		filter.doFilter(request, response, chain);

		assertThat(chain.getRequest()).isNotNull();
		assertThat(response.getHeader("X-Request-Id")).isEqualTo("deploy-42");
		assertThat(request.getAttribute(Credential.ATTRIBUTE)).isInstanceOf(Credential.Admin.class);
	}

	private static final class ReportDatabaseDown implements ReportTokens {

		@Override
		public int issue(String cluster, Collection<String> groups) {
			throw new DataAccessResourceFailureException("down");
		}

		@Override
		public Optional<ReportToken> rotate(String cluster, String group) {
			throw new DataAccessResourceFailureException("down");
		}

		@Override
		public Optional<ReportToken> find(String cluster, String group) {
			throw new DataAccessResourceFailureException("down");
		}

		@Override
		public Optional<ReportTokenHolder> authenticate(ReportToken presented) {
			throw new DataAccessResourceFailureException("down");
		}

	}

	private static final class KeeperDatabaseDown implements KeeperTokens {

		@Override
		public KeeperToken create(String cluster) {
			throw new DataAccessResourceFailureException("down");
		}

		@Override
		public Optional<KeeperToken> rotate(String cluster) {
			throw new DataAccessResourceFailureException("down");
		}

		@Override
		public Optional<KeeperToken> find(String cluster) {
			throw new DataAccessResourceFailureException("down");
		}

		@Override
		public Optional<KeeperTokenHolder> authenticate(KeeperToken presented) {
			throw new DataAccessResourceFailureException("down");
		}

	}

	private static final class DatabaseDown implements FetchTokens {

		@Override
		public Map<String, FetchToken> issue(String cluster, Collection<String> groups) {
			throw new DataAccessResourceFailureException("down");
		}

		@Override
		public Optional<FetchToken> rotate(String cluster, String group) {
			throw new DataAccessResourceFailureException("down");
		}

		@Override
		public Optional<FetchToken> find(String cluster, String group) {
			throw new DataAccessResourceFailureException("down");
		}

		@Override
		public Optional<FetchTokenHolder> authenticate(FetchToken presented) {
			throw new DataAccessResourceFailureException("down");
		}

		@Override
		public Optional<FetchTokenHolder> recognize(FetchToken presented) {
			throw new DataAccessResourceFailureException("down");
		}

		@Override
		public boolean stillCurrent(FetchTokenHolder holder) {
			throw new DataAccessResourceFailureException("down");
		}

		@Override
		public void forget(FetchTokenHolder holder) {
		}

	}

}
